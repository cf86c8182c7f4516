/**
 * db:converge on the real FluxCore database: the reference catalog (test/fixtures) filled by
 * the seeded generator, on both databases. Refusals change nothing (catalog dump, row counts
 * and per-column checksums compared), a failure mid-apply changes nothing, and --yes keeps
 * every row and every value, records the journal, audits clean apart from what it kept, and
 * leaves a database the package's operations work on.
 */

import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import { auditDatabase } from '../src/audit/audit.ts';
import { introspectSchema } from '../src/catalog/introspect.ts';
import type { FullCatalog } from '../src/catalog/logic.ts';
import { type ConvergeOptions, converge } from '../src/converge/apply.ts';
import { readTarget } from '../src/converge/target.ts';
import { applyCreditsGating } from '../src/credits/gating.ts';
import { grantCredits } from '../src/credits/wallet.ts';
import { claimDeletionJob, requestAccountDeletion, runDeletionStep } from '../src/deletion/jobs.ts';
import { listMessages } from '../src/messages/history.ts';
import { situationOf } from '../src/migrator/lineages.ts';
import { migrationStatus } from '../src/migrator/status.ts';
import { aiSessionFeatureKey } from '../src/schema/index.ts';
import { originalRenames } from '../src/schema/original.ts';
import { baseCreditsPolicies } from '../src/seed/credits-policies.ts';
import { createConversation, createOwnedAccount } from './support/account-data.ts';
import { databaseKinds, projectMigrations } from './support/databases.ts';
import {
  columnChecksum,
  type Fingerprint,
  fingerprint,
  keyExpression,
  readable,
  schemaDump,
} from './support/fingerprint.ts';
import { createReferenceDatabase, type ReferenceDatabase } from './support/reference.ts';
import { generateReferenceData, removeUnconvergeableRows } from './support/reference-data.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

describe.each(databaseKinds)('db:converge on the reference database (%s)', (kind) => {
  let ref: ReferenceDatabase;
  let target: FullCatalog;
  let generated: Map<string, number>;
  let removed: Map<string, number>;
  beforeAll(async () => {
    ref = await createReferenceDatabase(kind);
    target = await readTarget(ref.database.config, projectMigrations);
    generated = (await generateReferenceData(ref.session, target)).rows;
    removed = await removeUnconvergeableRows(
      ref.session,
      ref.database.config,
      projectMigrations,
      target,
    );
  }, 600_000);
  afterAll(() => ref?.close());

  const run = (options: ConvergeOptions = {}) =>
    converge(ref.session, ref.database.config, projectMigrations, { target, ...options });

  /** Runs `action` and requires the catalog, every row count and every value unchanged. */
  async function unchanged(action: () => Promise<void>): Promise<void> {
    const dump = await schemaDump(ref.session);
    const before = await fingerprint(ref.session);
    await action();
    expect(await schemaDump(ref.session)).toBe(dump);
    const after = await fingerprint(ref.session);
    expect(after.rows).toEqual(before.rows);
    expect(after.columns).toEqual(before.columns);
  }

  async function rowsOf(table: string): Promise<number> {
    const [row] = await ref.session.query<{ n: number }>(
      `select count(*)::int as n from ${quote(table)}`,
    );
    return Number(row?.n ?? 0);
  }

  test('the fixture fills every table of the reference', async () => {
    const live = await introspectSchema(ref.session);
    expect(live.tables.size).toBe(61);
    for (const table of live.tables.keys()) expect(generated.get(table) ?? 0).toBeGreaterThan(0);
    const [policy] = await ref.session.query<{ n: number }>(
      `select count(*)::int as n from credits_policies where feature_key = 'ai_session'`,
    );
    expect(policy?.n).toBe(2);
    // What the current schema cannot take (a NOT NULL column with no source, a check or a
    // foreign key the original never had) was removed before; everything else stays filled.
    const filled = [...live.tables.keys()].filter((table) => !removed.has(table));
    for (const table of filled) expect(await rowsOf(table)).toBe(generated.get(table) ?? -1);
    console.log(
      `removed before converging (the schema cannot take them yet): ${[...removed].map(([t, n]) => `${t} ${n}`).join(', ') || 'nothing'}`,
    );
  });

  test('the plan can apply, keeps every table and column the schema does not declare, and changes nothing', async () => {
    await unchanged(async () => {
      const outcome = await run();
      expect(outcome.status).toBe('planned');
      expect(outcome.plan.refusals).toEqual([]);
      const live = await introspectSchema(ref.session);
      const undeclared = [...live.tables.keys()].filter((t) => !target.schema.tables.has(t));
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

  test('a duplicate that blocks a new unique is refused, naming its rows, and nothing changes', async () => {
    const planned = await run();
    const live = await introspectSchema(ref.session);
    const candidates = planned.plan.steps
      .flatMap((step) => step.checks)
      .filter((spec) => spec.kind === 'unique')
      .filter((spec) => spec.columns.every((c) => live.tables.get(spec.table)?.columns.has(c)));
    let broken: { table: string; key: string; restore: string; original: unknown } | undefined;
    for (const spec of candidates) {
      if ((await rowsOf(spec.table)) < 2) continue;
      const key = keyExpression(live, spec.table);
      const rows = await ref.session.query<{ k: string; row: unknown }>(
        `select ${key} as k, to_jsonb(t) as row from ${quote(spec.table)} t order by 1 limit 2`,
      );
      const [first, second] = rows;
      if (!first || !second) continue;
      const cols = spec.columns.map(quote).join(', ');
      try {
        await ref.session.query(
          `update ${quote(spec.table)} set (${cols}) = (select ${cols} from ${quote(spec.table)} where ${key} = $1) where ${key} = $2`,
          [first.k, second.k],
        );
      } catch {
        continue;
      }
      broken = {
        table: spec.table,
        key: second.k,
        restore: `update ${quote(spec.table)} t set (${cols}) = (select ${cols} from jsonb_populate_record(null::${quote(spec.table)}, $1::jsonb)) where ${key} = $2`,
        original: second.row,
      };
      break;
    }
    if (!broken) throw new Error('no unique the plan adds could be broken by one row');
    const { table, key, restore, original } = broken;
    try {
      await unchanged(async () => {
        const outcome = await run({ apply: true });
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find(
          (r) => r.spec.kind === 'unique' && r.table === table,
        );
        expect(refusal?.rows).toBeGreaterThanOrEqual(2);
        expect(refusal?.examples.join(' ')).toContain(key);
        expect(refusal?.summary).toMatch(/^REFUSED: .+duplicate group.+Fix: merge or delete/);
      });
    } finally {
      await ref.session.query(restore, [JSON.stringify(original), key]);
    }
  });

  test('a duplicate under an expression index (emails equal but for case) is refused, and nothing changes', async () => {
    const planned = await run();
    const live = await introspectSchema(ref.session);
    const spec = planned.plan.steps
      .flatMap((step) => step.checks)
      .find((s) => s.kind === 'unique' && s.keys?.some((key) => /^lower\(/.test(key)));
    if (spec?.kind !== 'unique' || spec.columns.length !== 1)
      throw new Error('no unique on lower()');
    const column = spec.columns[0] as string;
    const key = keyExpression(live, spec.table);
    const [first, second] = await ref.session.query<{ k: string; v: string }>(
      `select ${key} as k, ${quote(column)}::text as v from ${quote(spec.table)} order by 1 limit 2`,
    );
    if (!first || !second) throw new Error(`${spec.table} has fewer than 2 rows`);
    await ref.session.query(
      `update ${quote(spec.table)} set ${quote(column)} = upper($2) where ${key} = $1`,
      [second.k, first.v],
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find(
          (r) => r.spec === spec || r.spec.kind === 'unique',
        );
        expect(refusal).toMatchObject({ table: spec.table, rows: 2 });
        expect(refusal?.examples[0]).toContain(first.k);
        expect(refusal?.examples[0]).toContain(second.k);
      });
    } finally {
      await ref.session.query(
        `update ${quote(spec.table)} set ${quote(column)} = $2 where ${key} = $1`,
        [second.k, second.v],
      );
    }
  });

  test('a value too long for its new type is refused, naming its row, and nothing changes', async () => {
    const planned = await run();
    const live = await introspectSchema(ref.session);
    const spec = planned.plan.steps
      .flatMap((step) => step.checks)
      .find(
        (s) =>
          s.kind === 'retype' &&
          s.maxLength !== null &&
          /^(character varying|text)/.test(s.fromType) &&
          live.tables.get(s.table)?.columns.has(s.column) &&
          Number(/\((\d+)\)$/.exec(s.fromType)?.[1] ?? Number.POSITIVE_INFINITY) > s.maxLength &&
          (generated.get(s.table) ?? 0) > 0 &&
          !removed.has(s.table),
      );
    if (spec?.kind !== 'retype' || spec.maxLength === null) throw new Error('no shortened column');
    const key = keyExpression(live, spec.table);
    const [row] = await ref.session.query<{ k: string; v: string | null }>(
      `select ${key} as k, ${quote(spec.column)}::text as v from ${quote(spec.table)} order by 1 limit 1`,
    );
    if (!row) throw new Error(`${spec.table} is empty`);
    await ref.session.query(
      `update ${quote(spec.table)} set ${quote(spec.column)} = repeat('x', ${spec.maxLength + 1}) where ${key} = $1`,
      [row.k],
    );
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals).toHaveLength(1);
        const [refusal] = outcome.plan.refusals;
        expect(refusal).toMatchObject({
          table: spec.table,
          column: spec.column,
          rows: 1,
          examples: [row.k],
        });
        expect(refusal?.summary).toContain(`longer than ${spec.maxLength} characters`);
        expect(refusal?.fix).toContain('shorten them');
      });
    } finally {
      await ref.session.query(
        `update ${quote(spec.table)} set ${quote(spec.column)} = $2 where ${key} = $1`,
        [row.k, row.v],
      );
    }
  });

  test('a value outside the enum is refused; the enum is rebuilt once it is fixed', async () => {
    const live = await introspectSchema(ref.session);
    // An operator added a label by hand, and a row uses it: the schema's enum lacks it.
    const used = [...live.tables.values()].flatMap((table) =>
      [...table.columns.values()]
        .filter((c) => c.enumType && !c.type.endsWith('[]') && target.schema.enums.has(c.enumType))
        .map((c) => ({ table: table.name, column: c.name, enumType: c.enumType as string })),
    );
    const found = used.find((u) => !removed.has(u.table) && (generated.get(u.table) ?? 0) > 0);
    if (!found) throw new Error('no column of an enum the schema shares');
    const { table, column, enumType } = found;
    await ref.session.exec(
      `alter type ${quote(enumType)} add value if not exists 'fixture_legacy'`,
    );
    const key = keyExpression(live, table);
    const [row] = await ref.session.query<{ k: string; v: string }>(
      `select ${key} as k, ${quote(column)}::text as v from ${quote(table)} order by 1 limit 1`,
    );
    if (!row) throw new Error(`${table} is empty`);
    await ref.session.query(
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
      await ref.session.query(
        `update ${quote(table)} set ${quote(column)} = $2::text::${quote(enumType)} where ${key} = $1`,
        [row.k, row.v],
      );
    }
    // The label stays: --yes below rebuilds the enum, and must keep every value.
    expect((await run()).status).toBe('planned');
  });

  test('an orphan that blocks a foreign key is refused, naming its row, and nothing changes', async () => {
    const live = await introspectSchema(ref.session);
    // A database whose operator dropped a foreign key by hand, and a row that went astray.
    const candidate = [...target.schema.tables.values()]
      .flatMap((table) => [...table.constraints.values()].map((c) => ({ table: table.name, c })))
      .find(
        ({ table, c }) =>
          c.type === 'foreign key' &&
          c.columns.length === 1 &&
          live.tables.get(table)?.columns.get(c.columns[0] as string)?.type === 'uuid' &&
          !removed.has(table) &&
          (generated.get(table) ?? 0) > 0,
      );
    if (!candidate) throw new Error('no foreign key to break');
    const { table } = candidate;
    const column = candidate.c.columns[0] as string;
    const liveFks = [...(live.tables.get(table)?.constraints.values() ?? [])].filter(
      (c) => c.type === 'foreign key' && c.columns.join() === column,
    );
    const key = keyExpression(live, table);
    const [row] = await ref.session.query<{ k: string; v: string | null }>(
      `select ${key} as k, ${quote(column)}::text as v from ${quote(table)} where ${quote(column)} is not null order by 1 limit 1`,
    );
    if (!row) throw new Error(`${table}.${column} has no value`);
    for (const fk of liveFks)
      await ref.session.exec(`alter table ${quote(table)} drop constraint ${quote(fk.name)}`);
    const orphan = '0badc0de-0000-4000-8000-000000000001';
    await ref.session.query(`update ${quote(table)} set ${quote(column)} = $2 where ${key} = $1`, [
      row.k,
      orphan,
    ]);
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        const refusal = outcome.plan.refusals.find(
          (r) => r.spec.kind === 'foreign-key' && r.table === table && r.column === column,
        );
        expect(refusal).toMatchObject({ rows: 1, examples: [row.k] });
        expect(refusal?.summary).toContain(`point at no row of ${candidate.c.referencedTable}`);
      });
    } finally {
      await ref.session.query(
        `update ${quote(table)} set ${quote(column)} = $2 where ${key} = $1`,
        [row.k, row.v],
      );
      for (const fk of liveFks) {
        await ref.session.exec(
          `alter table ${quote(table)} add constraint ${quote(fk.name)} ${fk.definition}`,
        );
      }
    }
  });

  test('a trigger that reads a column the plan renames is refused until it is dealt with', async () => {
    const live = await introspectSchema(ref.session);
    const rename = originalRenames.find(
      (r) =>
        live.tables.get(r.table)?.columns.has(r.from) &&
        target.schema.tables.get(r.table)?.columns.has(r.to),
    );
    if (!rename) throw new Error('no declared rename applies to the reference');
    const fn = `fixture_${rename.table}_touch`;
    // A stand-in for the original's trigger functions: plpgsql, so PostgreSQL tracks nothing.
    await ref.session.exec(`
      create function public.${fn}() returns trigger language plpgsql as $$
      begin
        if new.${rename.from} is null then raise exception 'missing ${rename.from}'; end if;
        return new;
      end $$;
      create trigger ${fn} before update on ${quote(rename.table)} for each row execute function public.${fn}();`);
    try {
      await unchanged(async () => {
        const outcome = await run();
        expect(outcome.status).toBe('refused');
        expect(outcome.plan.refusals).toHaveLength(1);
        const [refusal] = outcome.plan.refusals;
        expect(refusal).toMatchObject({ table: rename.table, column: rename.from });
        expect(refusal?.summary).toContain(`function public.${fn}()`);
        expect(refusal?.summary).toContain(`trigger ${fn} on ${rename.table}`);
        expect(refusal?.fix).toContain('--drop');
        // Dealing with it: dropping the stand-in with the plan lets the plan apply.
        const fixed = await run({ drop: [`public.${fn}`, `${rename.table}.${fn}`] });
        expect(fixed.status).toBe('planned');
        expect(fixed.plan.kept.filter((k) => k.dropped).map((k) => k.name)).toEqual([
          `${rename.table}.${fn}`,
          `public.${fn}()`,
        ]);
      });
    } finally {
      await ref.session.exec(
        `drop trigger ${fn} on ${quote(rename.table)}; drop function public.${fn}();`,
      );
    }
  });

  test('a failure in the middle of applying leaves the database as it was', async () => {
    const planned = await run();
    const middle = Math.floor(planned.plan.steps.length / 2);
    await unchanged(async () => {
      const error = await run({
        apply: true,
        beforeStep: (_step, index) => {
          if (index === middle) throw new Error('injected failure');
        },
      }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe('injected failure');
    });
  });

  let before: Fingerprint;
  test('--yes converges in one transaction, keeping every row and every value', async () => {
    const live = await introspectSchema(ref.session);
    before = await fingerprint(ref.session);
    // What each declared rename with a transform must hold afterwards, computed before.
    const transformed = new Map<string, string>();
    const tokens = new Map<string, string>();
    for (const rename of originalRenames) {
      const table = live.tables.get(rename.table);
      const to = target.schema.tables.get(rename.table)?.columns.get(rename.to);
      if (!table?.columns.has(rename.from) || !to || !rename.transform) continue;
      const expression = rename.transform.using.replaceAll('{from}', quote(rename.from));
      transformed.set(
        `${rename.table}.${rename.to}`,
        await columnChecksum(
          ref.session,
          rename.table,
          keyExpression(live, rename.table),
          readable(expression, to.type),
        ),
      );
      if (rename.transform.using.includes('sha256')) {
        const rows = await ref.session.query<{ k: string; v: string }>(
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
    const after = await fingerprint(ref.session, before.keys);
    const addedBy = (table: string) =>
      outcome.plan.data.filter((m) => m.sql.includes(`"${table}"`)).map((m) => m.tag);
    for (const [table, rows] of before.rows) {
      const now = after.rows.get(table) ?? 0;
      if (now !== rows)
        expect([table, addedBy(table).length > 0, now > rows]).toEqual([table, true, true]);
      for (const key of before.keys.get(table) ?? []) expect(after.keys.get(table)).toContain(key);
    }
    for (const [column, checksum] of before.columns) {
      const [table = '', name = ''] = column.split('.');
      const rename = originalRenames.find(
        (r) =>
          r.table === table &&
          r.from === name &&
          target.schema.tables.get(table)?.columns.has(r.to),
      );
      if (rename?.transform) continue;
      const now = rename ? `${table}.${rename.to}` : column;
      expect([now, after.columns.get(now)]).toEqual([now, checksum]);
    }
    for (const [column, checksum] of transformed)
      expect([column, after.columns.get(column)]).toEqual([column, checksum]);
    for (const rename of originalRenames.filter((r) => r.transform?.using.includes('sha256'))) {
      const converged = await introspectSchema(ref.session);
      const rows = await ref.session.query<{ k: string; v: string }>(
        `select ${keyExpression(converged, rename.table)} as k, ${quote(rename.to)} as v from ${quote(rename.table)}`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row.v).toBe(tokens.get(`${rename.table}/${row.k}`) ?? 'missing');
    }
    // Tables only the schema has start empty; every table that had rows has them all.
    for (const table of target.schema.tables.keys())
      if (!before.rows.has(table)) expect(after.rows.get(table)).toBe(0);
  });

  test('a second run has nothing to converge', async () => {
    await unchanged(async () => {
      expect((await run({ apply: true })).status).toBe('nothing');
    });
  });

  test('status shows every migration applied, and the audit is clean apart from what was kept', async () => {
    const status = await migrationStatus(ref.session, projectMigrations);
    expect(status.migrations.every((m) => m.state === 'applied')).toBe(true);
    expect(status.unknown).toEqual([]);
    expect((await situationOf(ref.session, projectMigrations)).kind).toBe('own');
    const report = await auditDatabase(ref.session, { migrations: projectMigrations });
    expect(report.summary.differences).toBe(0);
    expect(report.clean).toBe(true);
    const live = await introspectSchema(ref.session);
    expect(report.summary.kept).toBe(
      [...live.tables.keys()].filter((t) => !target.schema.tables.has(t)).length,
    );
  });

  test('the operations work on the converged database', async () => {
    const db = await ref.db();
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
    const [busiest] = await ref.session.query<{ id: string; n: number }>(
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

    // Deletion deletes an account the original created, and every row that points at it.
    const [victim] = await ref.session.query<{ id: string }>(
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
    const [left] = await ref.session.query<{ n: number }>(
      'select count(*)::int as n from accounts where id = $1',
      [victim.id],
    );
    expect(left?.n).toBe(0);
  });
});
