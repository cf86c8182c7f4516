/**
 * Adding a column: its SQL and its line in the plan (a default fills the existing rows), and
 * its data check: a NOT NULL column with no default and no source counts the rows that would
 * have no value.
 */
import type { LiveColumn } from '../../catalog/introspect.ts';
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { asIs, makeStep, type StepKind } from './kind.ts';

export async function checkNoSource(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'no-source' }>,
): Promise<CheckResult> {
  const found = await countWhere(context, projection(context, spec.table, []), 'true');
  return result(
    spec,
    spec.column,
    found,
    'the table is empty',
    `would have no value: ${spec.table}.${spec.column} is new, NOT NULL and has no default`,
    `give it a default in the schema, or declare the original column it comes from in originalRenames or how to derive it in originalBackfills (packages/db/src/schema/original/), or empty the table, and run again`,
  );
}

export interface AddColumnInput {
  table: string;
  column: LiveColumn;
}

/**
 * A new column: its default fills existing rows; NOT NULL without one needs a source (the
 * check). Online as it is when it takes no value from the rows (nullable, no default): a
 * catalog change only.
 */
export const addColumn: StepKind<AddColumnInput, 'no-source'> = {
  name: 'add-column',
  checks: { 'no-source': checkNoSource },
  build({ table, column }) {
    const t = quote(table);
    const c = quote(column.name);
    const checks: CheckSpec[] =
      column.notNull && column.default === null
        ? [{ kind: 'no-source', table, column: column.name }]
        : [];
    const sql = [
      `alter table ${t} add column ${c} ${column.type}${column.default === null ? '' : ` default ${column.default}`}${column.notNull ? ' not null' : ''}`,
    ];
    const plain = column.default === null && !column.notNull;
    return [
      makeStep(
        'add-column',
        'add',
        table,
        `add column ${table}.${column.name} ${column.type}`,
        sql,
        {
          checks,
          online: plain ? asIs(sql, [`alter table ${t} drop column if exists ${c}`]) : undefined,
        },
      ),
    ];
  },
};
