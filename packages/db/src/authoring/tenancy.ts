/**
 * db:check's tenancy rule, on the schema's own exports (the tables, and the pgPolicy
 * declarations drizzle-kit turns into CREATE POLICY): every table is in `tableTenancy`, a
 * table with an account column is not declared global, and every table of a tenant (tenant,
 * child, shared) declares a policy. So a new tenant table without a policy fails db:check
 * before it is merged.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgPolicy, PgTable } from 'drizzle-orm/pg-core';
import { tenantLikeColumn } from '../audit/isolation.ts';
import { linkedTable } from '../schema/tenancy/build.ts';
import { type TableTenancy, tableTenancy } from '../schema/tenancy/index.ts';

/** What the rule reads of a table: its name, columns and how many policies it declares. */
export interface TenancyTable {
  name: string;
  columns: string[];
  policies: number;
}

const registryFile = 'packages/db/src/schema/tenancy/index.ts';

/** The tables of a schema module's exports, with the policies declared in or linked to them. */
export function tenancyTables(exports: Record<string, unknown>): TenancyTable[] {
  const values = Object.values(exports);
  const linked = new Map<unknown, number>();
  for (const value of values)
    if (is(value, PgPolicy)) {
      const table = linkedTable(value);
      linked.set(table, (linked.get(table) ?? 0) + 1);
    }
  return values
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      return {
        name: config.name,
        columns: config.columns.map((column) => column.name),
        policies: config.policies.length + (linked.get(table) ?? 0),
      };
    });
}

function tableProblem(table: TenancyTable, tenancy: TableTenancy | undefined): string | null {
  const accountColumns = table.columns.filter(tenantLikeColumn);
  if (!tenancy) {
    const add = accountColumns[0]
      ? `{ kind: 'tenant', column: '${accountColumns[0]}' } (it has ${accountColumns.join(', ')}) and its policy`
      : 'its kind (tenant, child or shared, with a policy; or global, with a reason)';
    return `table ${table.name} is not in tableTenancy: add ${add} in ${registryFile}`;
  }
  if (tenancy.kind === 'global' && accountColumns.length > 0)
    return `table ${table.name} is global in tableTenancy but has ${accountColumns.join(', ')}: declare it tenant or shared in ${registryFile}, with a policy`;
  if (tenancy.kind !== 'global' && table.policies === 0)
    return `table ${table.name} is ${tenancy.kind} in tableTenancy but declares no policy: add its pgPolicy (schema/tenancy/policies.ts), then bun run db:generate`;
  return null;
}

/** One line per table that breaks the rule, naming it and what to add. */
export function tenancyProblems(
  tables: readonly TenancyTable[],
  registry: Readonly<Record<string, TableTenancy>> = tableTenancy,
): string[] {
  const problems = tables.flatMap((table) => tableProblem(table, registry[table.name]) ?? []);
  const names = new Set(tables.map((table) => table.name));
  for (const name of Object.keys(registry))
    if (!names.has(name))
      problems.push(
        `tableTenancy names ${name}, which the schema does not have: remove it from ${registryFile}`,
      );
  return problems;
}

/** The rule on the package's schema. */
export async function checkTenancy(result: { passed: string[]; problems: string[] }) {
  const schema = (await import('../schema/index.ts')) as Record<string, unknown>;
  const tables = tenancyTables(schema);
  const problems = tenancyProblems(tables);
  result.problems.push(...problems);
  if (problems.length === 0)
    result.passed.push(
      `tenancy: all ${tables.length} tables are in tableTenancy, each of a tenant with a policy`,
    );
}
