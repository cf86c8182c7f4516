/**
 * The tenancy registry covers the schema (issue 24): every table has an entry, every table with
 * row-level security has exactly the policies its entry asks for, each predicate reads the
 * tenant in its `(select …)` form, and a child's parent key is its primary key. No database.
 */
import { describe, expect, test } from 'bun:test';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgPolicy, type PgTable } from 'drizzle-orm/pg-core';
import { schemaTableNames, schemaTables } from '../src/model/tables.ts';
import { originalDatabaseLogic } from '../src/schema/original/database-logic.ts';
import { linkedTable, otherAccountReferences } from '../src/schema/tenancy/build.ts';
import { tableTenancy, tenantSetting } from '../src/schema/tenancy/index.ts';
import * as policies from '../src/schema/tenancy/policies.ts';
import { sharedRules } from '../src/schema/tenancy/predicates.ts';

const declared = Object.values(policies).filter((value) => is(value, PgPolicy)) as PgPolicy[];
const linked = (policy: PgPolicy) => getTableName(linkedTable(policy) as PgTable);

describe('tableTenancy', () => {
  test('names every table of the schema, and nothing else', () => {
    expect(Object.keys(tableTenancy).sort()).toEqual([...schemaTableNames].sort());
    expect(schemaTableNames.length).toBe(102);
  });

  test('each table with row-level security has exactly its policies', () => {
    const byTable = new Map<string, string[]>();
    for (const policy of declared) {
      byTable.set(linked(policy), [...(byTable.get(linked(policy)) ?? []), policy.name]);
    }
    for (const table of schemaTables as PgTable[]) {
      const name = getTableName(table);
      const tenancy = tableTenancy[name]!;
      const want =
        tenancy.kind === 'global'
          ? []
          : tenancy.kind === 'shared'
            ? sharedRules[name]?.write === undefined
              ? [`${name}_write`]
              : [`${name}_read`, `${name}_write`]
            : [`${name}_tenant`];
      // The worker's queue policy covers the jobs' other account columns.
      const queue = name === 'account_deletion_jobs';
      if (tenancy.kind !== 'global' && !queue && otherAccountReferences(table).length) {
        want.push(`${name}_system_references`);
      }
      if (name === 'accounts') want.push('accounts_system_references');
      // Reviews and subscriptions are written only to a listing the writer sees (0057).
      if (name === 'fluxcore_marketplace_reviews' || name === 'fluxcore_marketplace_subscriptions')
        want.push(`${name}_visible_listing`);
      if (name === 'account_deletion_jobs') want.push('account_deletion_jobs_worker_queue');
      expect({ name, policies: (byTable.get(name) ?? []).sort() }).toEqual({
        name,
        policies: [...new Set(want)].sort(),
      });
    }
  });

  test('every tenant predicate is the (select …) form, computed once per statement', () => {
    const perRow = declared.filter((policy) => {
      const text = JSON.stringify([policy.using, policy.withCheck]);
      return (
        text.includes('current_setting') &&
        !text.includes(`(select nullif(current_setting('${tenantSetting}', true), '')`)
      );
    });
    expect(perRow.map((policy) => policy.name)).toEqual([]);
  });

  test('a child reaches its parent through the parent’s primary key', () => {
    for (const [name, tenancy] of Object.entries(tableTenancy)) {
      if (tenancy.kind !== 'child') continue;
      const parent = (schemaTables as PgTable[]).find(
        (table) => getTableName(table) === tenancy.parent,
      );
      const id = parent && getTableConfig(parent).columns.find((column) => column.name === 'id');
      expect({ name, parentKey: id?.primary ?? false }).toEqual({ name, parentKey: true });
    }
  });

  test('a child that carries its tenants has the columns, nullable, with no foreign key, and a trigger that keeps them', () => {
    const carriers = Object.entries(tableTenancy).filter(
      ([, tenancy]) => tenancy.kind === 'child' && tenancy.carries?.length,
    );
    expect(carriers.map(([name]) => name)).toEqual(['messages']);
    for (const [name, tenancy] of carriers) {
      if (tenancy.kind !== 'child') continue;
      const table = (schemaTables as PgTable[]).find((t) => getTableName(t) === name)!;
      const config = getTableConfig(table);
      const referenced = config.foreignKeys.flatMap((fk) =>
        fk.reference().columns.map((c) => c.name),
      );
      for (const column of tenancy.carries ?? []) {
        const found = config.columns.find((c) => c.name === column);
        expect({
          column,
          found: !!found,
          notNull: found?.notNull,
          referenced: referenced.includes(column),
        }).toEqual({ column, found: true, notNull: false, referenced: false });
      }
      const keeper = originalDatabaseLogic.find(
        (decision) =>
          decision.kind === 'trigger' &&
          decision.table === name &&
          decision.name.endsWith('_carry_tenants'),
      );
      expect(keeper?.name).toBe(`${name}_carry_tenants`);
    }
  });
});
