/**
 * Setting NOT NULL: the nulls get the schema's default when it declares one, and the data
 * check counts them (filled from that default, else refused).
 */
import { type CheckContext, countWhere, projection, result } from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

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
      summary: `ok: ${found.rows} null(s) filled with the schema's default ${spec.fill} (e.g. ${found.examples.join('; ')})`,
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

export interface SetNotNullInput {
  table: string;
  column: string;
  /** The schema's default, given to the nulls first (counted by the check, never refused). */
  fill?: string;
  /** The declared backfill that filled the column just before (for the refusal's fix). */
  backfill?: string;
}

/**
 * A column that becomes NOT NULL: a default the schema declares is what a null becomes.
 * Online: a NOT VALID check constraint first (no scan), the nulls filled in batches, then the
 * check validated (no write blocked), NOT NULL set from it (no scan) and the check dropped.
 */
export const setNotNull: StepKind<SetNotNullInput, 'not-null'> = {
  name: 'set-not-null',
  checks: { 'not-null': checkNotNull },
  build({ table, column, fill, backfill }) {
    const t = quote(table);
    const c = quote(column);
    const guard = quote(`${table}_${column}_not_null`.slice(0, 63));
    const check: CheckSpec = backfill
      ? { kind: 'not-null', table, column, backfill }
      : { kind: 'not-null', table, column, fill };
    return [
      makeStep(
        'set-not-null',
        'constrain',
        table,
        `set ${table}.${column} not null${fill ? ` (its nulls get the default ${fill})` : ''}`,
        [
          ...(fill ? [`update ${t} set ${c} = ${fill} where ${c} is null`] : []),
          `alter table ${t} alter column ${c} set not null`,
        ],
        {
          checks: [check],
          longLock: true,
          online: {
            start: [`alter table ${t} add constraint ${guard} check (${c} is not null) not valid`],
            backfill: fill
              ? {
                  table,
                  batch: (size) =>
                    `update ${t} set ${c} = ${fill} where ctid in (select ctid from ${t} where ${c} is null limit ${size})`,
                }
              : undefined,
            complete: [
              `alter table ${t} validate constraint ${guard}`,
              `alter table ${t} alter column ${c} set not null`,
              `alter table ${t} drop constraint ${guard}`,
            ],
            rollback: [`alter table ${t} drop constraint if exists ${guard}`],
          },
        },
      ),
    ];
  },
};
