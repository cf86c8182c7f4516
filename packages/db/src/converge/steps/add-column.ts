/**
 * Adding a column: its SQL and its line in the plan (a default fills the existing rows), and
 * its data check: a NOT NULL column with no default and no source counts the rows that would
 * have no value.
 */
import type { LiveColumn } from '../../catalog/introspect.ts';
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { ColumnContext } from '../columns.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';

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

/** A new column: its default fills existing rows; NOT NULL without one needs a source. */
export function planAddColumn(ctx: ColumnContext, column: LiveColumn): void {
  const { want, tableSources, step } = ctx;
  const t = quote(want.name);
  const c = quote(column.name);
  const value = column.default ?? `null::${column.type}`;
  tableSources.set(column.name, { raw: value, cast: value, castTemplate: '' });
  const checks: CheckSpec[] =
    column.notNull && column.default === null
      ? [{ kind: 'no-source', table: want.name, column: column.name }]
      : [];
  step(
    'add',
    want.name,
    `add column ${want.name}.${column.name} ${column.type}`,
    [
      `alter table ${t} add column ${c} ${column.type}${column.default === null ? '' : ` default ${column.default}`}${column.notNull ? ' not null' : ''}`,
    ],
    { checks },
  );
}
