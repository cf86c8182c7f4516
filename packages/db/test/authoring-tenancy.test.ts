import { expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import { pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenancyProblems, tenancyTables } from '../src/authoring/tenancy.ts';
import * as schema from '../src/schema/index.ts';
import { runtimeRoles } from '../src/schema/tenancy/index.ts';

/** A temporary schema: what a module of tables and policies exports. */
const notes = pgTable('notes', { id: uuid().primaryKey(), accountId: uuid('account_id') });
const drafts = pgTable('drafts', {
  id: uuid().primaryKey(),
  ownerAccountId: uuid('owner_account_id'),
});
const countries = pgTable('countries', { code: text().primaryKey() });
const labels = pgTable('labels', { id: uuid().primaryKey(), tenantId: text('tenant_id') });
const fixture = {
  notes,
  drafts,
  countries,
  labels,
  notesTenant: pgPolicy('notes_tenant', {
    to: runtimeRoles.app,
    using: sql`account_id = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid)`,
  }).link(notes),
};

test('a schema whose tables are all registered, each of a tenant with its policy, passes', () => {
  expect(
    tenancyProblems(tenancyTables({ notes: fixture.notes, notesTenant: fixture.notesTenant }), {
      notes: { kind: 'tenant', column: 'account_id' },
    }),
  ).toEqual([]);
});

test('a new tenant table without a policy, an unregistered one and a global one with an account column fail, each in one line', () => {
  const problems = tenancyProblems(tenancyTables(fixture), {
    notes: { kind: 'tenant', column: 'account_id' },
    drafts: { kind: 'tenant', column: 'owner_account_id' },
    labels: { kind: 'global', reason: 'reference data' },
    gone: { kind: 'global', reason: 'dropped' },
  });
  expect(problems).toEqual([
    'table drafts is tenant in tableTenancy but declares no policy: add its pgPolicy (schema/tenancy/policies.ts), then bun run db:generate',
    'table countries is not in tableTenancy: add its kind (tenant, child or shared, with a policy; or global, with a reason) in packages/db/src/schema/tenancy/index.ts',
    'table labels is global in tableTenancy but has tenant_id: declare it tenant or shared in packages/db/src/schema/tenancy/index.ts, with a policy',
    'tableTenancy names gone, which the schema does not have: remove it from packages/db/src/schema/tenancy/index.ts',
  ]);
  expect(tenancyProblems(tenancyTables({ drafts }), {})).toEqual([
    "table drafts is not in tableTenancy: add { kind: 'tenant', column: 'owner_account_id' } (it has owner_account_id) and its policy in packages/db/src/schema/tenancy/index.ts",
  ]);
});

test('the package schema follows the rule', () => {
  expect(tenancyProblems(tenancyTables(schema as Record<string, unknown>))).toEqual([]);
});
