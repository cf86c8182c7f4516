/**
 * db:converge's row-level security planner on a hand-made database: the target state (roles,
 * grants, RLS flags, policies) is read, taken away as an adopted database would lack it, and
 * the plan's steps give it back; a second plan has nothing to do.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@fluxcore/db/testing';
import { isolationFindings } from '../src/audit/isolation.ts';
import { type FullCatalog, readCatalog } from '../src/catalog/logic.ts';
import type { SqlSession } from '../src/connection/client.ts';
import type { Step } from '../src/converge/model.ts';
import { planSecurity } from '../src/converge/security.ts';
import { makeStep } from '../src/converge/steps/kind.ts';
import { runtimeRoles, type TableTenancy, tenantSetting } from '../src/schema/tenancy/index.ts';

const { app, system } = runtimeRoles;
const tenant = `(select nullif(current_setting('${tenantSetting}', true), '')::uuid)`;

const roles = `do $$ begin
  if not exists (select 1 from pg_roles where rolname = '${app}') then create role ${app} nologin; end if;
  if not exists (select 1 from pg_roles where rolname = '${system}') then create role ${system} nologin; end if;
end $$`;

/** The tables as an adopted database has them (a renamed column included), then the target's security. */
const tables = `
  create table notes (id bigserial primary key, account_id uuid not null, body text);
  create index notes_account on notes (account_id);
  create table notes_tags (note_id bigint not null references notes (id), tag text);
  create index notes_tags_note on notes_tags (note_id);
  create function notes_owner(p uuid) returns uuid language sql stable as 'select p';
`;
const secured = `
  grant select, insert, update, delete on notes, notes_tags to ${app};
  grant select, delete on notes to ${system};
  grant usage on sequence notes_id_seq to ${app};
  grant usage on schema public to ${app};
  grant select (tag) on notes_tags to ${system};
  revoke all on function notes_owner(uuid) from public;
  grant execute on function notes_owner(uuid) to ${system};
  alter table notes enable row level security;
  alter table notes_tags enable row level security;
  create policy notes_tenant on notes to ${app}, ${system}
    using (account_id = ${tenant}) with check (account_id = ${tenant});
  create policy notes_tags_tenant on notes_tags for select to ${app} using (exists (select 1 from notes p where p.id = notes_tags.note_id));
`;
const adopted = `
  revoke all on notes, notes_tags from ${app}, ${system};
  revoke all on sequence notes_id_seq from ${app};
  revoke usage on schema public from ${app};
  revoke select (tag) on notes_tags from ${system};
  revoke all on function notes_owner(uuid) from ${system};
  grant execute on function notes_owner(uuid) to public, ${app};
  drop policy notes_tenant on notes;
  drop policy notes_tags_tenant on notes_tags;
  create policy notes_everyone on notes using (true);
  alter table notes disable row level security;
  alter table notes_tags disable row level security;
`;
const registry: Record<string, TableTenancy> = {
  notes: { kind: 'tenant', column: 'account_id' },
  notes_tags: { kind: 'child', column: 'note_id', parent: 'notes' },
};

function plan(live: FullCatalog, target: FullCatalog): Step[] {
  const steps: Step[] = [];
  planSecurity(live, target, (phase, table, summary, sql) => {
    const step: Step = makeStep('secure', phase, table, summary, sql);
    steps.push(step);
    return step;
  });
  return steps;
}

describe.each(databaseKinds)('converge brings row-level security (%s)', (kind) => {
  let database: TestDatabase;
  let session: SqlSession;
  let target: FullCatalog;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    session = await database.session();
    await session.exec(`${roles};${tables};${secured}`);
    target = await readCatalog(session);
    await session.exec(adopted);
  });
  afterAll(async () => {
    await session?.exec(`drop owned by ${app}, ${system}`).catch(() => {});
    await session?.close();
    await database?.drop();
  });

  test('the plan grants, enables, replaces the always-true policy, and a second plan is empty', async () => {
    const live = await readCatalog(session);
    expect(isolationFindings(registry, live.security, live.schema).tables.size).toBe(2);
    const steps = plan(live, target);
    // One step per table (grants, flags, policies), one for the schema's and sequences' grants.
    expect(steps.map((step) => [step.table, step.summary])).toEqual([
      [
        'notes',
        "security of notes: grants for the runtime roles, enable row level security, drop policy notes_everyone (not the schema's), create policy notes_tenant",
      ],
      [
        'notes_tags',
        'security of notes_tags: grants for the runtime roles, enable row level security, create policy notes_tags_tenant',
      ],
      [undefined, 'grants for the runtime roles on schema public, sequence notes_id_seq'],
      // EXECUTE as the migrations leave a function of the package (0051, 0053): PUBLIC's too.
      [undefined, 'execute on public.notes_owner(p uuid) for the runtime roles'],
    ]);
    expect(steps.at(-1)?.sql).toEqual([
      `grant execute on function public.notes_owner(p uuid) to "${system}"`,
      `revoke execute on function public.notes_owner(p uuid) from "${app}"`,
      'revoke execute on function public.notes_owner(p uuid) from public',
    ]);
    // The policies come after the flag that makes them apply, in the table's one step.
    const notes = steps[0]?.sql ?? [];
    expect(notes.findIndex((sql) => sql.startsWith('alter table "notes" enable'))).toBeLessThan(
      notes.findIndex((sql) => sql.startsWith('create policy "notes_tenant"')),
    );
    for (const step of steps) for (const sql of step.sql) await session.exec(sql);
    const after = await readCatalog(session);
    expect(plan(after, target)).toEqual([]);
    expect(after.security.functionGrants.get('public.notes_owner(p uuid)')).toEqual([
      `${system}:EXECUTE`,
    ]);
    const findings = isolationFindings(registry, after.security, after.schema);
    expect([...findings.tables.values(), ...findings.others].flat()).toEqual([]);
  });
});
