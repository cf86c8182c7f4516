/**
 * The May 2026 lineage (shared/reference/fluxcore-2026-05/, the fixture
 * src/testing/fixtures/fluxcore-2026-05.schema.sql), on both database kinds: it loads as its
 * README describes, every table and column of it has a home in the migrated schema, and the
 * audit of it reports the 21 tables May added as identical to the schema, the tables May's
 * files never create as missing (February's media_attachments and message_enrichments, and the
 * ones its README lists as not in the build), and the `account_type` collision (May's composite type where the
 * schema has an enum).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import {
  createMigratedDatabase,
  createReferenceDatabase,
  databaseKinds,
  projectMigrations,
  type ReferenceDatabase,
} from '@fluxcore/db/testing';
import { auditDatabase } from '../src/audit/audit.ts';
import type { AuditReport } from '../src/audit/compare.ts';
import type { SqlSession } from '../src/connection/client.ts';
import { originalRenames } from '../src/schema/original/renames.ts';

/** The tables May added since February (the reference README, "What changed since February"). */
const mayTables = [
  'signals',
  'signal_preferences',
  'signal_delivery_log',
  'ai_signals',
  'ai_suggestions',
  'ai_traces',
  'fluxcore_agents',
  'fluxcore_agent_assistants',
  'fluxcore_work_definitions',
  'fluxcore_works',
  'fluxcore_work_slots',
  'fluxcore_work_events',
  'fluxcore_semantic_contexts',
  'fluxcore_proposed_works',
  'fluxcore_decision_events',
  'fluxcore_external_effects',
  'fluxcore_external_effect_claims',
  'conversation_participants',
  'asset_enrichments',
  'chatcore_outbox',
  'fluxcore_outbox',
];

/** The May README's "Not in this build": declared by the original's schema, created by no file. */
const notInMayBuild = [
  'fluxcore_signals',
  'fluxcore_reality_adapters',
  'fluxcore_projector_cursors',
  'fluxcore_projector_errors',
  'fluxcore_cognition_queue',
  'fluxcore_session_projection',
  'fluxcore_actors',
  'fluxcore_addresses',
  'fluxcore_actor_address_links',
  'fluxcore_actor_identity_links',
  'fluxcore_account_actor_contexts',
  'fluxcore_account_policies',
  'fluxcore_action_audit',
  'account_runtime_config',
  'message_visibility',
  'account_locations',
  'weekly_schedules',
  'weekly_intervals',
  'special_dates',
  'special_intervals',
  'message_enrichments',
];

const count = async (session: Pick<SqlSession, 'query'>, sql: string) =>
  Number((await session.query<{ n: string }>(sql))[0]?.n);

async function publicColumns(session: Pick<SqlSession, 'query'>): Promise<Set<string>> {
  const rows = await session.query<{ key: string }>(
    `select c.relname || '.' || a.attname as key
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
  );
  return new Set(rows.map((row) => row.key));
}

describe.each(databaseKinds)('the May 2026 reference on the %s database', (kind) => {
  let ref: ReferenceDatabase;
  let report: AuditReport;
  beforeAll(async () => {
    ref = await createReferenceDatabase(kind, { lineage: '2026-05' });
    report = await auditDatabase(ref.session, { migrations: projectMigrations });
  }, 300_000);
  afterAll(() => ref?.close());

  test('loads as its README describes: 80 tables, 12 enums, 1 composite type, 131 foreign keys, 11 checks', async () => {
    const { session } = ref;
    const inPublic = `from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'`;
    expect(await count(session, `select count(*) as n ${inPublic} and c.relkind = 'r'`)).toBe(80);
    const types = `from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'`;
    expect(await count(session, `select count(*) as n ${types} and t.typtype = 'e'`)).toBe(12);
    expect(
      await count(
        session,
        `select count(*) as n ${types} and t.typtype = 'c' and t.typname = 'account_type'
           and not exists (select 1 from pg_class r where r.oid = t.typrelid and r.relkind <> 'c')`,
      ),
    ).toBe(1);
    const constraints = `from pg_constraint k join pg_namespace n on n.oid = k.connamespace where n.nspname = 'public'`;
    expect(await count(session, `select count(*) as n ${constraints} and k.contype = 'f'`)).toBe(
      131,
    );
    expect(await count(session, `select count(*) as n ${constraints} and k.contype = 'c'`)).toBe(
      11,
    );
  });

  test('every May table and column has a home in the migrated schema, by name or declared rename', async () => {
    const migrated = await createMigratedDatabase(kind);
    try {
      const ours = await publicColumns(migrated.client);
      const may = await publicColumns(ref.session);
      const renamed = new Map(
        originalRenames.map((r) => [`${r.table}.${r.from}`, `${r.table}.${r.to}`]),
      );
      const homeless = [...may].filter((key) => !ours.has(renamed.get(key) ?? key));
      expect(homeless).toEqual([]);
      expect(may.size).toBeGreaterThan(900);
      expect(new Set([...may].map((key) => key.split('.')[0])).size).toBe(80);
    } finally {
      await migrated.close();
    }
  }, 120_000);

  test("the audit finds May's 21 new tables identical to the schema, and only the tables May's files never create missing", () => {
    const byName = new Map(report.tables.map((table) => [table.name, table]));
    // Beyond May's build, the schema has what the original's Drizzle schema declares and no May
    // file creates: conversation_participants.actor_id (its index and key), so a May database
    // lacks exactly those.
    const beyondMay = new Set([
      'conversation_participants.actor_id',
      'conversation_participants.idx_conversation_participants_actor',
      'conversation_participants.conversation_participants_actor_id_actors_id_fk',
    ]);
    // And what the package adds to May's tables: row-level security (issue 24: its policies and
    // the index each policy filters on) and an index under every foreign key (0041).
    const added = (f: { kind: string; found?: string }) =>
      f.kind === 'policy' || f.kind === 'index' || (f.kind === 'table' && f.found === 'disabled');
    const differing = mayTables.flatMap((name) =>
      (byName.get(name)?.findings ?? [])
        .filter((f) => !added(f))
        .filter((f) => !(f.problem === 'missing' && beyondMay.has(`${name}.${f.name}`)))
        .map((f) => `${name}.${f.name}: ${f.problem}`),
    );
    expect(differing).toEqual([]);
    const missing = report.tables
      .filter((table) => table.findings.some((f) => f.kind === 'table' && f.problem === 'missing'))
      .map((table) => table.name)
      .sort();
    // What the schema has and May's files never create: February's media_attachments, and the
    // tables the May README lists as "Not in this build" (its app uses them; made by push).
    const notInBuild = [...notInMayBuild, 'media_attachments'].filter((name) => byName.has(name));
    expect(missing).toEqual(notInBuild.sort());
    expect(missing).toContain('message_enrichments');
    expect(missing).toContain('fluxcore_signals');
    expect(report.summary.tables).toBe(80 + missing.length);
    expect(report.clean).toBe(false);
  });

  test('the audit reports the enum account_type missing where May has a composite of that name', () => {
    const accountType = report.enums.find((finding) => finding.name === 'account_type');
    expect(accountType?.problem).toBe('missing');
    // The other four May enums the schema shares are there, label for label.
    for (const name of [
      'signal_type',
      'signal_priority',
      'signal_status',
      'signal_delivery_channel',
    ])
      expect(report.enums.find((finding) => finding.name === name)).toBeUndefined();
  });
});
