/**
 * Changing a paired column's type, default or dropped NOT NULL in one ALTER TABLE step, and
 * the data check a retype needs: the values outside an enum, too long, or that do not cast.
 */
import type { LiveColumn } from '../../catalog/introspect.ts';
import type { RenameTransform } from '../../schema/original/renames.ts';
import { castCannotFail, castCannotFailWithoutRewrite, castSql, lengthOf } from '../casts.ts';
import {
  type CheckContext,
  castableFunction,
  countWhere,
  guarded,
  literal,
  projection,
  result,
  valuePlaceholder,
} from '../check-sql.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export async function checkRetype(
  context: CheckContext,
  spec: Extract<CheckSpec, { kind: 'retype' }>,
): Promise<CheckResult> {
  const raw = projection(context, spec.table, [spec.column], 'raw');
  const c = quote(spec.column);
  if (spec.enumLabels) {
    const found = await countWhere(
      context,
      raw,
      `${c} is not null and (${c})::text <> all(array[${spec.enumLabels.map(literal).join(', ')}]::text[])`,
    );
    return result(
      spec,
      spec.column,
      found,
      `every value is one of ${spec.toType}`,
      `hold values outside the enum ${spec.toType} (${spec.enumLabels.join(', ')})`,
      `update them to one of those values, and run again`,
    );
  }
  if (spec.maxLength !== null) {
    const found = await countWhere(context, raw, `char_length((${c})::text) > ${spec.maxLength}`);
    if (found.rows > 0)
      return result(
        spec,
        spec.column,
        found,
        '',
        `are longer than ${spec.maxLength} characters (${spec.toType})`,
        `shorten them (update ${spec.table} set ${spec.column} = left(${spec.column}, ${spec.maxLength}) where …) or keep the longer type in the schema, and run again`,
      );
  }
  if (spec.castSafe)
    return result(
      spec,
      spec.column,
      { rows: 0, examples: [] },
      `every value fits ${spec.toType}`,
      '',
      '',
    );
  const cast = projection(context, spec.table, [spec.column], 'cast');
  const whole = await guarded(context.session, () =>
    context.session.query(`select count(*) from (${cast}) t where ${c} is not null`),
  );
  if (!(whole instanceof Error))
    return result(
      spec,
      spec.column,
      { rows: 0, examples: [] },
      `every value casts to ${spec.toType}`,
      '',
      '',
    );
  await context.session.exec(castableFunction);
  const template = context.sources.get(spec.table)?.get(spec.column)?.castTemplate ?? '';
  const found = await countWhere(
    context,
    raw,
    `${c} is not null and not pg_temp.fluxcore_castable('select ' || replace(${literal(template)}, ${literal(valuePlaceholder)}, quote_literal((${c})::text)))`,
  );
  return result(
    spec,
    spec.column,
    found,
    `every value casts to ${spec.toType}`,
    `cannot be cast to ${spec.toType}`,
    `correct them (update ${spec.table} set ${spec.column} = … where …), and run again`,
  );
}

export interface RetypeInput {
  table: string;
  /** The column as the schema declares it, and as the database has it. */
  column: LiveColumn;
  from: LiveColumn;
  transform: RenameTransform | undefined;
  typeChanges: boolean;
  /** The live value after the rename (and its transform), in SQL. */
  afterRename: string;
  /** The target enum's labels when the column becomes an enum (not an array of one). */
  enumLabels: string[] | null;
  /** The zone a timestamp's wall-clock time is read in. */
  zone: string | undefined;
}

/** The ALTER COLUMN actions: type (with its default dropped and set again), default, null. */
function retypeActions(input: RetypeInput): string[] {
  const { column, from, transform, typeChanges, afterRename, zone } = input;
  const c = quote(column.name);
  const actions: string[] = [];
  if (typeChanges || transform) {
    if (from.default !== null) actions.push(`alter column ${c} drop default`);
    if (typeChanges) {
      const using = castSql(afterRename, transform ? undefined : from, column, zone);
      actions.push(`alter column ${c} type ${column.type} using ${using}`);
    }
    if (column.default !== null) actions.push(`alter column ${c} set default ${column.default}`);
  } else if (from.default !== column.default) {
    actions.push(
      column.default === null
        ? `alter column ${c} drop default`
        : `alter column ${c} set default ${column.default}`,
    );
  }
  if (from.notNull && !column.notNull) actions.push(`alter column ${c} drop not null`);
  return actions;
}

/**
 * Retype, default and dropped NOT NULL of a paired column, in one ALTER TABLE step (the
 * planner merges a table's into one statement, so the table is rewritten once). No online
 * phases yet: online, a retype is a new column kept in step by a trigger, backfilled in
 * batches, then switched (issue 26).
 */
export const retype: StepKind<RetypeInput, 'retype'> = {
  name: 'retype',
  checks: { retype: checkRetype },
  build(input) {
    const { table, column, from, transform, typeChanges, enumLabels } = input;
    const c = quote(column.name);
    const actions = retypeActions(input);
    if (actions.length === 0) return [];
    const checks: CheckSpec[] = typeChanges
      ? [
          {
            kind: 'retype',
            table,
            column: column.name,
            fromType: transform ? `${from.type} (${transform.description})` : from.type,
            toType: column.type,
            enumLabels,
            maxLength: lengthOf(column.type),
            castSafe: !transform && castCannotFail(from.type, column.type, enumLabels !== null),
          },
        ]
      : [];
    const what = typeChanges
      ? `retype ${table}.${column.name} ${from.type} → ${column.type}`
      : `alter ${table}.${column.name} (${actions.join(', ').replaceAll(`${c} `, '')})`;
    return [
      makeStep(
        'retype',
        'retype',
        table,
        what,
        [`alter table ${quote(table)} ${actions.join(', ')}`],
        {
          checks,
          rewrites: typeChanges && !castCannotFailWithoutRewrite(from.type, column.type),
          longLock: typeChanges,
        },
      ),
    ];
  },
};
