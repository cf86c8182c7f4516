import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@fluxcore/db/testing';
import type { Finding } from '../src/audit/findings.ts';
import { isolationFindings, perRowSettingCalls } from '../src/audit/isolation.ts';
import { readCatalog } from '../src/catalog/logic.ts';
import type { SqlSession } from '../src/connection/client.ts';
import { runtimeRoles, type TableTenancy, tenantSetting } from '../src/schema/tenancy/index.ts';

const tenant = `(select nullif(current_setting('${tenantSetting}', true), '')::uuid)`;
const app = runtimeRoles.app;

/**
 * Hand-made tables, one per fault, in an empty database: the checks are proved on their own,
 * whatever the project's migrations hold.
 */
const fixture = `
  do $$ begin
    if not exists (select 1 from pg_roles where rolname = '${app}') then create role ${app} nologin; end if;
    if not exists (select 1 from pg_roles where rolname = '${runtimeRoles.system}') then create role ${runtimeRoles.system} nologin; end if;
  end $$;
  create table good (id uuid primary key, account_id uuid not null);
  create index good_account on good (account_id);
  alter table good enable row level security;
  create policy good_tenant on good to ${app} using (account_id = ${tenant});
  create table good_items (id uuid primary key, good_id uuid not null references good (id));
  create index good_items_good on good_items (good_id, id);
  alter table good_items enable row level security;
  create policy good_items_tenant on good_items to ${app}
    using (exists (select 1 from good g where g.id = good_id and g.account_id = ${tenant}));
  create table good_notes (id uuid primary key, good_id uuid not null);
  create index good_notes_good on good_notes (good_id);
  alter table good_notes enable row level security;
  create policy good_notes_tenant on good_notes to ${app}
    using (exists (select 1 from good g where g.id = good_notes.good_id));
  create table whole_parent (id uuid primary key, good_id uuid not null);
  create index whole_parent_good on whole_parent (good_id);
  alter table whole_parent enable row level security;
  create policy whole_parent_tenant on whole_parent to ${app} using (good_id in (select id from good));
  create table no_rls (id uuid primary key, account_id uuid not null);
  create index no_rls_account on no_rls (account_id);
  create table no_policy (id uuid primary key, account_id uuid not null);
  create index no_policy_account on no_policy (account_id);
  alter table no_policy enable row level security;
  create table always_true (id uuid primary key, account_id uuid not null);
  create index always_true_account on always_true (account_id);
  alter table always_true enable row level security;
  create policy everyone on always_true to public using (true);
  create table per_row (id uuid primary key, account_id uuid not null);
  create index per_row_account on per_row (account_id);
  alter table per_row enable row level security;
  create policy per_row_tenant on per_row to ${app}
    using (account_id = nullif(current_setting('${tenantSetting}', true), '')::uuid);
  create table no_index (id uuid primary key, account_id uuid not null);
  create index no_index_other on no_index (id, account_id);
  alter table no_index enable row level security;
  create policy no_index_tenant on no_index to ${app} using (account_id = ${tenant});
  create table app_owned (id uuid primary key, account_id uuid not null);
  create index app_owned_account on app_owned (account_id);
  alter table app_owned enable row level security;
  create policy app_owned_tenant on app_owned to ${app} using (account_id = ${tenant});
  alter table app_owned owner to ${app};
  create view leaky as select id from good;
  create view guarded with (security_invoker = true) as select id from good;
  create table countries (code text primary key);
`;

const tenantOn = (column = 'account_id'): TableTenancy => ({ kind: 'tenant', column });
const registry: Record<string, TableTenancy> = {
  good: tenantOn(),
  good_items: { kind: 'child', column: 'good_id', parent: 'good' },
  good_notes: { kind: 'child', column: 'good_id', parent: 'good' },
  whole_parent: { kind: 'child', column: 'good_id', parent: 'good' },
  no_rls: tenantOn(),
  no_policy: tenantOn(),
  always_true: tenantOn(),
  per_row: tenantOn(),
  no_index: tenantOn(),
  app_owned: tenantOn(),
  countries: { kind: 'global', reason: 'reference data' },
};

const line = (finding: Finding) =>
  `${finding.kind} ${finding.name}: ${finding.problem === 'slow' ? 'slow, ' : ''}${finding.expected}`;

test('a setting read inside a scalar (select …) is once per statement; a bare call is per row', () => {
  expect(
    perRowSettingCalls(
      `(account_id = ( SELECT (NULLIF(current_setting('a'::text, true), ''::text))::uuid AS "nullif"))`,
    ),
  ).toBe(0);
  expect(
    perRowSettingCalls(`(account_id = (NULLIF(current_setting('a'::text, true), ''::text))::uuid)`),
  ).toBe(1);
  expect(
    perRowSettingCalls(
      `(EXISTS ( SELECT 1 FROM good g WHERE (g.account_id = (current_setting('a'::text))::uuid)))`,
    ),
  ).toBe(1);
});

describe.each(databaseKinds)('the isolation audit on the %s database', (kind) => {
  let database: TestDatabase;
  let session: SqlSession;
  let findings: ReturnType<typeof isolationFindings>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    session = await database.session();
    await session.exec(fixture);
    const catalog = await readCatalog(session);
    findings = isolationFindings(registry, catalog.security, catalog.schema);
  });
  afterAll(async () => {
    // The table owned by the runtime role goes first: the role outlives this database.
    await session?.exec('drop table if exists app_owned');
    await session?.close();
    await database?.drop();
  });

  const of = (table: string) => (findings.tables.get(table) ?? []).map(line);

  test('a tenant table and a child table with RLS, a tenant policy and an index are clean', () => {
    expect(of('good')).toEqual([]);
    expect(of('good_items')).toEqual([]);
    // A child's policy may read its parent alone: the parent's own policy applies inside.
    expect(of('good_notes')).toEqual([]);
    expect(findings.tables.has('countries')).toBe(false);
  });

  test('a table without row-level security is named, with the statement that enables it', () => {
    expect(of('no_rls')).toContain(
      'table no_rls: row-level security (tenant table): ALTER TABLE no_rls ENABLE ROW LEVEL SECURITY',
    );
  });

  test('RLS without a policy for the API role is a finding', () => {
    expect(of('no_policy')).toEqual([
      `policy no_policy: a policy for ${app} (CREATE POLICY … ON no_policy TO ${app} USING (…))`,
    ]);
  });

  test('a policy that ignores the tenant (using true) is a finding', () => {
    expect(of('always_true')).toEqual([
      `policy always_true.everyone: a predicate on the tenant (${tenantSetting}): drop it, or restrict it to the rows of the account in (select nullif(current_setting('${tenantSetting}', true), '')::uuid)`,
    ]);
  });

  test('a bare current_setting, evaluated per row, is a finding', () => {
    expect(of('per_row')).toEqual([
      `policy per_row.per_row_tenant: current_setting read once per statement: wrap it as (select nullif(current_setting('${tenantSetting}', true), '')::uuid)`,
    ]);
  });

  test('a child policy that reads its whole parent (IN (SELECT id FROM parent)) is reported as slow, not as a difference', () => {
    expect(of('whole_parent')).toEqual([
      'policy whole_parent.whole_parent_tenant: slow, a correlated probe, one index lookup per row read: exists (select 1 from good p where p.id = whole_parent.good_id)',
    ]);
  });

  test('no index leading with the tenant column is a finding', () => {
    expect(of('no_index')).toEqual([
      'index no_index(account_id): an index that leads with account_id, which its policy filters on: CREATE INDEX ON no_index (account_id, …)',
    ]);
  });

  test('a table the runtime role owns needs FORCE, and the role owning it is a finding', () => {
    expect(of('app_owned')).toEqual([
      `table app_owned: FORCE ROW LEVEL SECURITY, since ${app} has the privileges of its owner ${app}: ALTER TABLE app_owned FORCE ROW LEVEL SECURITY`,
    ]);
    expect(findings.others.filter((f) => f.kind === 'role').map(line)).toEqual([
      `role ${app}: owns nothing (an owner is not subject to policies): ALTER TABLE … OWNER TO the migrating role`,
    ]);
  });

  test('a view over a tenant table without security_invoker is a finding; one with it is not', () => {
    expect(findings.others.filter((f) => f.kind === 'view').map(line)).toEqual([
      'view public.leaky: security_invoker, so the policies of good apply to its reader: ALTER VIEW public.leaky SET (security_invoker = true)',
    ]);
  });

  if (kind === 'embedded')
    test('a superuser or BYPASSRLS runtime role, or a missing one, is a finding', async () => {
      // On PGlite only, and rolled back: PGlite's roles are its own, never a shared server's.
      await session.exec('begin');
      try {
        await session.exec(
          `alter role ${app} superuser bypassrls; drop owned by ${runtimeRoles.system}; drop role ${runtimeRoles.system}`,
        );
        const catalog = await readCatalog(session);
        const roles = isolationFindings(registry, catalog.security, catalog.schema).others;
        expect(roles.filter((f) => f.kind === 'role').map(line)).toEqual([
          `role ${app}: not a superuser: ALTER ROLE ${app} NOSUPERUSER`,
          `role ${app}: no BYPASSRLS: ALTER ROLE ${app} NOBYPASSRLS`,
          `role ${app}: owns nothing (an owner is not subject to policies): ALTER TABLE … OWNER TO the migrating role`,
          `role ${runtimeRoles.system}: the runtime role: bun run db:migrate creates it (db:converge on an adopted database)`,
        ]);
      } finally {
        await session.exec('rollback');
      }
    });

  test('an empty registry asks for nothing', async () => {
    const catalog = await readCatalog(session);
    const none = isolationFindings({}, catalog.security, catalog.schema);
    expect([...none.tables.keys(), ...none.others]).toEqual([]);
  });
});
