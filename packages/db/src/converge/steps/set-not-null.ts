/**
 * Setting NOT NULL: the nulls get the schema's default when it declares one, and the data
 * check counts them (filled from that default, else refused).
 */
import type { LiveColumn } from '../../catalog/introspect.ts';
import type { OriginalBackfill } from '../../schema/original/backfills.ts';
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { ColumnContext } from '../columns.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';

export async function checkNotNull(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'not-null' }>,
): Promise<CheckResult> {
  const found = await countWhere(
    context,
    projection(context, spec.table, [spec.column], 'raw'),
    `${quote(spec.column)} is null`,
  );
  if (spec.fill !== undefined && found.rows > 0)
    return {
      spec,
      ok: true,
      summary: `ok: ${found.rows} null(s) filled with ${spec.backfill ? `${spec.backfill} ${spec.fill}` : `the schema's default ${spec.fill}`} (e.g. ${found.examples.join('; ')})`,
      table: spec.table,
      column: spec.column,
      rows: found.rows,
      examples: found.examples,
      fix: undefined,
    };
  return result(
    spec,
    spec.column,
    found,
    'no nulls',
    'are null and the schema says NOT NULL',
    spec.backfill
      ? `its backfill (${spec.backfill}, originalBackfills in packages/db/src/schema/original/backfills.ts) finds no value for them: give them what it reads, or delete those rows, and run again`
      : `fill them (update ${spec.table} set ${spec.column} = … where ${spec.column} is null) or delete those rows, and run again`,
  );
}

/**
 * A column that becomes NOT NULL: a default the schema declares is what a null becomes, else
 * the value its declared backfill (originalBackfills) reads from the row.
 */
export function planSetNotNull(
  ctx: ColumnContext,
  column: LiveColumn,
  backfill?: OriginalBackfill,
): void {
  const { want, step } = ctx;
  const t = quote(want.name);
  const c = quote(column.name);
  const fill = column.default ?? (backfill ? `(${backfill.using})` : undefined);
  const what = column.default ? `the default ${fill}` : `${backfill?.description}`;
  step(
    'constrain',
    want.name,
    `set ${want.name}.${column.name} not null${fill ? ` (its nulls get ${what})` : ''}`,
    [
      ...(fill ? [`update ${t} set ${c} = ${fill} where ${c} is null`] : []),
      `alter table ${t} alter column ${c} set not null`,
    ],
    {
      checks: [
        {
          kind: 'not-null',
          table: want.name,
          column: column.name,
          fill,
          ...(column.default || !backfill ? {} : { backfill: backfill.description }),
        },
      ],
      longLock: true,
    },
  );
}
