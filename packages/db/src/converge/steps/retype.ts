/**
 * Changing a paired column's type, default or dropped NOT NULL in one ALTER TABLE step, and
 * the data check a retype needs: the values outside an enum, too long, or that do not cast.
 */
import type { LiveColumn } from '../../catalog/introspect.ts';
import type { RenameTransform } from '../../schema/original/renames.ts';
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
import type { ColumnContext } from '../columns.ts';
import { castCannotFail, castCannotFailWithoutRewrite, castSql, lengthOf } from '../diff.ts';
import type { CheckResult, CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';

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

/** Retype, default and dropped NOT NULL of a paired column, in one ALTER TABLE step. */
export function planRetype(
  ctx: ColumnContext,
  column: LiveColumn,
  from: LiveColumn,
  change: {
    transform: RenameTransform | undefined;
    typeChanges: boolean;
    afterRename: string;
  },
): void {
  const { want, target, retyped, step, zone } = ctx;
  const { transform, typeChanges, afterRename } = change;
  const t = quote(want.name);
  const c = quote(column.name);
  const actions: string[] = [];
  if (typeChanges || transform) {
    if (typeChanges) retyped.add(`${want.name}.${column.name}`);
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
  if (actions.length > 0) {
    const checks: CheckSpec[] = [];
    if (typeChanges) {
      const labels =
        column.enumType && !column.type.endsWith('[]')
          ? (target.schema.enums.get(column.enumType) ?? null)
          : null;
      checks.push({
        kind: 'retype',
        table: want.name,
        column: column.name,
        fromType: transform ? `${from.type} (${transform.description})` : from.type,
        toType: column.type,
        enumLabels: labels,
        maxLength: lengthOf(column.type),
        castSafe: !transform && castCannotFail(from.type, column.type, labels !== null),
      });
    }
    const what = typeChanges
      ? `retype ${want.name}.${column.name} ${from.type} → ${column.type}`
      : `alter ${want.name}.${column.name} (${actions.join(', ').replaceAll(`${c} `, '')})`;
    step('retype', want.name, what, [`alter table ${t} ${actions.join(', ')}`], {
      checks,
      rewrites: typeChanges && !castCannotFailWithoutRewrite(from.type, column.type),
      longLock: typeChanges,
    });
  }
}
