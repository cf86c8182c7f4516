/**
 * db:converge on the real FluxCore database: the reference catalog (src/testing/fixtures)
 * filled by the seeded generator, on both databases. --yes keeps every row and every value (row
 * counts and per-column checksums before and after), transforms what a declared rename
 * transforms, rebuilds an enum an operator extended, records the journal, audits clean apart
 * from what it kept, and leaves a database the package's operations work on.
 */
import { describe, expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import {
  createConversation,
  createOwnedAccount,
  databaseKinds,
  projectMigrations,
} from '@fluxcore/db/testing';
import { auditDatabase } from '../src/audit/audit.ts';
import { introspectSchema } from '../src/catalog/introspect.ts';
import { situationOf } from '../src/migrator/lineages.ts';
import { migrationStatus } from '../src/migrator/status.ts';
import { applyCreditsGating } from '../src/operations/credits/gating.ts';
import { grantCredits } from '../src/operations/credits/wallet.ts';
import { claimDeletionJob, requestAccountDeletion } from '../src/operations/deletion/jobs.ts';
import { tombstoneDisplayName } from '../src/operations/deletion/redaction.ts';
import { runDeletionStep } from '../src/operations/deletion/steps.ts';
import { listMessages } from '../src/operations/messages/history.ts';
import { baseCreditsPolicies } from '../src/operations/seed/credits-policies.ts';
import { aiSessionFeatureKey } from '../src/schema/index.ts';
import { originalRenames } from '../src/schema/original/renames.ts';
import { type ConvergeFixture, quote, useConvergeFixture } from './support/converge-fixture.ts';
import {
  columnChecksum,
  type Fingerprint,
  fingerprint,
  keyExpression,
  readable,
} from './support/fingerprint.ts';

describe.each(databaseKinds)('db:converge on the reference database (%s)', (kind) => {
  const fixture = useConvergeFixture(kind);
  const run: ConvergeFixture['run'] = (options) => fixture.run(options);
  const unchanged: ConvergeFixture['unchanged'] = (action) => fixture.unchanged(action);
  const rowsOf: ConvergeFixture['rowsOf'] = (table) => fixture.rowsOf(table);

  test('the fixture fills every table of the reference', async () => {
    const live = await introspectSchema(fixture.ref.session);
    expect(live.tables.size).toBe(61);
    for (const table of live.tables.keys())
      expect(fixture.generated.get(table) ?? 0).toBeGreaterThan(0);
    const [policy] = await fixture.ref.session.query<{ n: number }>(
      `select count(*)::int as n from credits_policies where feature_key = 'ai_session'`,
    );
    expect(policy?.n).toBe(2);
    // Nothing is removed before converging: every generated row is there to converge.
    for (const table of live.tables.keys())
      expect(await rowsOf(table)).toBe(fixture.generated.get(table) ?? -1);
  });

  test('the plan can apply, keeps every table and column the schema does not declare, and changes nothing', async () => {
    await unchanged(async () => {
      const outcome = await run();
      expect(outcome.status).toBe('planned');
      expect(outcome.plan.refusals).toEqual([]);
      const live = await introspectSchema(fixture.ref.session);
      const undeclared = [...live.tables.keys()].filter(
        (t) => !fixture.target.schema.tables.has(t),
      );
      expect(
        outcome.plan.kept
          .filter((k) => k.kind === 'table')
          .map((k) => k.name)
          .sort(),
      ).toEqual(undeclared.sort());
      for (const kept of outcome.plan.kept.filter((k) => k.kind === 'table'))
        expect(kept.rows).toBe(await rowsOf(kept.name));
    });
  });

  test('a value outside the enum is refused; the enum is rebuilt once it is fixed', async () => {
    const live = await introspectSchema(fixture.ref.session);
    // An operator added a label by hand, and a row uses it: the schema's enum lacks it.
    const used = [...live.tables.values()].flatMap((table) =>
      [...table.columns.values()]
        .filter(
          (c) =>
            c.enumType && !c.type.endsWith('[]') && fixture.target.schema.enums.has(c.enumType),
        )
        .map((c) => ({ table: table.name, column: c.name, enumType: c.enumType as string })),
    );
    const found = used.find((u) => (fixture.generated.get(u.table) ?? 0) > 0);
    if (!found) throw new Error('no column of an enum the schema shares');
    const { table, column, enumType } = found;
    await fixture.ref.session.exec(
      `alter type ${quote(enumType)} add value if not exists 'fixture_legacy'`,
    );
    const key = keyExpression(live, table);
    const [row] = await fixture.ref.session.query<{ k: string; v: string }>(
      `select ${key} as k, ${quote(column)}::text as v from ${quote(table)} order by 1 limit 1`,
    );
    if (!row) throw new Error(`${table} is empty`);
    await fixture.ref.session.query(
      `update ${quote(table)} set ${quote(column)} = 'fixture_legacy' where ${key} = $1`,
      [row.k],
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.steps.map((s) => s.summary)).toContain(`rebuild enum ${enumType}`);
        expect(outcome.plan.refusals).toHaveLength(1);
        expect(outcome.plan.refusals[0]).toMatchObject({
          table,
          column,
          rows: 1,
          examples: [row.k],
        });
        expect(outcome.plan.refusals[0]?.summary).toContain(
          `hold values outside the enum ${enumType}`,
        );
      });
    } finally {
      await fixture.ref.session.query(
        `update ${quote(table)} set ${quote(column)} = $2::text::${quote(enumType)} where ${key} = $1`,
        [row.k, row.v],
      );
    }
    // The label stays: --yes below rebuilds the enum, and must keep every value.
    expect((await run()).status).toBe('planned');
  });

  let before: Fingerprint;
  test('--yes converges in one transaction, keeping every row and every value', async () => {
    const live = await introspectSchema(fixture.ref.session);
    before = await fingerprint(fixture.ref.session);
    // The data migration 0028 fixes the reference's 'ai_session' policies (renamed to
    // 'ai.session', or deactivated where that policy exists): those rows are checked by their
    // outcome below, every other row by checksum.
    const aiSession = await fixture.ref.session.query<{ k: string; v: string }>(
      `select id::text as k, concat_ws('/', engine, model, cost_credits, token_budget, duration_hours) as v
       from credits_policies where feature_key = 'ai_session' order by 1`,
    );
    expect(aiSession.length).toBeGreaterThan(0);
    const compared = new Map(before.keys);
    compared.set(
      'credits_policies',
      (before.keys.get('credits_policies') ?? []).filter((k) => !aiSession.some((r) => r.k === k)),
    );
    const beforeCompared = await fingerprint(fixture.ref.session, compared);
    // What each declared rename with a transform must hold afterwards, computed before.
    const transformed = new Map<string, string>();
    const tokens = new Map<string, string>();
    for (const rename of originalRenames) {
      const table = live.tables.get(rename.table);
      const to = fixture.target.schema.tables.get(rename.table)?.columns.get(rename.to);
      if (!table?.columns.has(rename.from) || !to || !rename.transform) continue;
      const expression = rename.transform.using.replaceAll('{from}', quote(rename.from));
      transformed.set(
        `${rename.table}.${rename.to}`,
        await columnChecksum(
          fixture.ref.session,
          rename.table,
          keyExpression(live, rename.table),
          readable(expression, to.type),
        ),
      );
      if (rename.transform.using.includes('sha256')) {
        const rows = await fixture.ref.session.query<{ k: string; v: string }>(
          `select ${keyExpression(live, rename.table)} as k, ${quote(rename.from)} as v from ${quote(rename.table)}`,
        );
        for (const row of rows)
          tokens.set(`${rename.table}/${row.k}`, createHash('sha256').update(row.v).digest('hex'));
      }
    }

    const outcome = await run({ apply: true });
    expect(outcome.status).toBe('applied');
    expect(outcome.plan.refusals).toEqual([]);

    // Checksums over the rows that were there; a data migration may add rows of its own.
    const after = await fingerprint(fixture.ref.session, compared);
    const fixed = await fixture.ref.session.query<{ k: string; v: string; state: string }>(
      `select id::text as k, concat_ws('/', engine, model, cost_credits, token_budget, duration_hours) as v,
         case when feature_key = 'ai.session' then 'renamed'
              when feature_key = 'ai_session' and not active then 'deactivated' else 'live' end as state
       from credits_policies where id = any($1::uuid[]) order by 1`,
      [aiSession.map((r) => r.k)],
    );
    expect(fixed.map((r) => [r.k, r.v])).toEqual(aiSession.map((r) => [r.k, r.v]));
    // The operator's rows are the operator's: each is the live 'ai.session' row afterwards, with
    // its own prices and budget (0028 deactivates it beside 0025's rows, 0038 gives it back).
    for (const row of fixed) expect(row.state).toBe('renamed');
    const addedBy = (table: string) =>
      outcome.plan.data.filter((m) => m.sql.includes(`"${table}"`)).map((m) => m.tag);
    for (const [table, rows] of before.rows) {
      const now = after.rows.get(table) ?? 0;
      if (now !== rows)
        expect([table, addedBy(table).length > 0, now > rows]).toEqual([table, true, true]);
      for (const key of before.keys.get(table) ?? []) expect(after.keys.get(table)).toContain(key);
    }
    for (const [column, checksum] of beforeCompared.columns) {
      const [table = '', name = ''] = column.split('.');
      const rename = originalRenames.find(
        (r) =>
          r.table === table &&
          r.from === name &&
          fixture.target.schema.tables.get(table)?.columns.has(r.to),
      );
      if (rename?.transform) continue;
      const now = rename ? `${table}.${rename.to}` : column;
      expect([now, after.columns.get(now)]).toEqual([now, checksum]);
    }
    for (const [column, checksum] of transformed)
      expect([column, after.columns.get(column)]).toEqual([column, checksum]);
    for (const rename of originalRenames.filter((r) => r.transform?.using.includes('sha256'))) {
      const converged = await introspectSchema(fixture.ref.session);
      const rows = await fixture.ref.session.query<{ k: string; v: string }>(
        `select ${keyExpression(converged, rename.table)} as k, ${quote(rename.to)} as v from ${quote(rename.table)}`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row.v).toBe(tokens.get(`${rename.table}/${row.k}`) ?? 'missing');
    }
    // The declared backfills: each ledger entry points at its account's wallet, and each upload
    // session's chunk count is what its size takes in 5 MiB chunks, never fewer than it received.
    const [ledger] = await fixture.ref.session.query<{ n: number; right: number }>(
      `select count(*)::int as n, count(w.id)::int as right from credits_ledger l
       left join credits_wallets w on w.id = l.wallet_id and w.account_id = l.account_id`,
    );
    expect(ledger?.n).toBeGreaterThan(0);
    expect(ledger?.right).toBe(ledger?.n);
    const uploads = await fixture.ref.session.query<{
      total: string | null;
      received: string | null;
      chunks: number;
    }>(
      'select total_bytes::text as total, chunks_received::text as received, chunks_total as chunks from asset_upload_sessions',
    );
    expect(uploads.length).toBeGreaterThan(0);
    for (const upload of uploads)
      expect(upload.chunks).toBe(
        Math.max(Math.ceil(Number(upload.total ?? 0) / 5_242_880), Number(upload.received ?? 0)),
      );
    // Each message carries its conversation's relationship's accounts (0059's backfill), or
    // none where the conversation has no relationship.
    const [carried] = await fixture.ref.session.query<{
      n: number;
      related: number;
      wrong: number;
    }>(
      `select count(*)::int as n, count(r.id)::int as related,
              count(*) filter (where m.tenant_a_id is distinct from r.account_a_id
                                  or m.tenant_b_id is distinct from r.account_b_id)::int as wrong
         from messages m
         left join conversations c on c.id = m.conversation_id
         left join relationships r on r.id = c.relationship_id`,
    );
    expect(carried?.related).toBeGreaterThan(0);
    expect(carried?.wrong).toBe(0);
    // Tables only the schema has start empty; every table that had rows has them all.
    for (const table of fixture.target.schema.tables.keys())
      if (!before.rows.has(table)) expect(after.rows.get(table)).toBe(0);
  }, 60_000);

  test('a second run has nothing to converge', async () => {
    await unchanged(async () => {
      expect((await run({ apply: true })).status).toBe('nothing');
    });
  });

  test('status shows every migration applied, and the audit is clean apart from what was kept', async () => {
    const status = await migrationStatus(fixture.ref.session, projectMigrations);
    expect(status.migrations.every((m) => m.state === 'applied')).toBe(true);
    expect(status.unknown).toEqual([]);
    expect((await situationOf(fixture.ref.session, projectMigrations)).kind).toBe('own');
    const report = await auditDatabase(fixture.ref.session, { migrations: projectMigrations });
    expect(report.summary.differences).toBe(0);
    expect(report.clean).toBe(true);
    const live = await introspectSchema(fixture.ref.session);
    expect(report.summary.kept).toBe(
      [...live.tables.keys()].filter((t) => !fixture.target.schema.tables.has(t)).length,
    );
  });

  test('the operations work on the converged database', async () => {
    const db = await fixture.ref.db();
    // Gating opens a session through the policy the data migration added ('ai.session').
    const [policy] = baseCreditsPolicies;
    const { account } = await createOwnedAccount(db, 'converged');
    const { account: peer } = await createOwnedAccount(db, 'converged-peer');
    const { conversation } = await createConversation(db, account.id, peer.id);
    await grantCredits(db, {
      accountId: account.id,
      amount: 3,
      reason: 'test',
      idempotencyKey: 'converged',
    });
    const gated = await applyCreditsGating(db, {
      accountId: account.id,
      conversationId: conversation.id,
      engine: policy.engine,
      model: policy.model,
    });
    expect(gated).toMatchObject({ kind: 'session', charged: true, balance: 2 });
    if (gated.kind === 'session') expect(gated.session.featureKey).toBe(aiSessionFeatureKey);

    // Messages page through a conversation the original wrote.
    const [busiest] = await fixture.ref.session.query<{ id: string; n: number }>(
      'select conversation_id as id, count(*)::int as n from messages group by 1 order by 2 desc, 1 limit 1',
    );
    if (!busiest) throw new Error('no messages');
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listMessages(db, { conversationId: busiest.id, limit: 2, cursor });
      for (const message of page.messages) seen.add(message.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(busiest.n);

    // Deletion deletes an account the original created, and every row of its own; the row
    // stays as a tombstone (nothing of the account in it) while a relationship names it.
    const [victim] = await fixture.ref.session.query<{ id: string }>(
      `select a.id from accounts a where not exists (select 1 from protected_accounts p where p.account_id = a.id)
       order by (select count(*) from messages m where m.sender_account_id = a.id) desc, 1 limit 1`,
    );
    if (!victim) throw new Error('no account');
    const requested = await requestAccountDeletion(db, { accountId: victim.id });
    expect(requested.kind).toBe('requested');
    for (let job = await claimDeletionJob(db, { workerId: 'converged', leaseMs: 60_000 }); job; ) {
      let step = await runDeletionStep(db, {
        jobId: job.id,
        workerId: 'converged',
        leaseMs: 60_000,
      });
      while (step.kind === 'advanced')
        step = await runDeletionStep(db, { jobId: job.id, workerId: 'converged', leaseMs: 60_000 });
      job = await claimDeletionJob(db, { workerId: 'converged', leaseMs: 60_000 });
    }
    const [left] = await fixture.ref.session.query<{ n: number }>(
      `select count(*)::int as n from accounts where id = $1
         and not (username = 'deleted-' || id::text and display_name = $2)`,
      [victim.id, tombstoneDisplayName],
    );
    expect(left?.n).toBe(0);
  });
});
