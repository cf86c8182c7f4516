/**
 * The steps for one column of a table both sides have, by kind: a new column the original's
 * rows are given (originalBackfills), a new column, and a paired one (renamed, transformed,
 * retyped, its default or nullability changed). Each function adds its steps with their data
 * checks; the column's source (how its value is read from the live row) is recorded for the
 * checks. Pure: no queries.
 */
import type { LiveColumn, LiveTable } from '../catalog/introspect.ts';
import type { FullCatalog } from '../catalog/logic.ts';
import { originalBackfills } from '../schema/original/backfills.ts';
import { castSql } from './casts.ts';
import type { AddSteps } from './constraints.ts';
import type { ColumnSource } from './diff.ts';
import { type ColumnPairing, quote } from './pair.ts';
import { addColumn } from './steps/add-column.ts';
import { backfill } from './steps/backfill.ts';
import { renameColumn } from './steps/rename-column.ts';
import { retype } from './steps/retype.ts';
import { setNotNull } from './steps/set-not-null.ts';

export interface ColumnContext {
  want: LiveTable;
  have: LiveTable;
  pairing: ColumnPairing;
  target: FullCatalog;
  rebuiltEnums: Set<string>;
  /** `table.column` (target names) whose type changes. */
  retyped: Set<string>;
  renamedColumns: { table: string; from: string; to: string }[];
  /** Target column → how its value is read from the live row. */
  tableSources: Map<string, ColumnSource>;
  add: AddSteps;
  zone: string | undefined;
}

type Origin = NonNullable<ReturnType<ColumnPairing['source']['get']>>;

export function planColumn(ctx: ColumnContext, column: LiveColumn): void {
  const { want, tableSources, add } = ctx;
  const origin = ctx.pairing.source.get(column.name);
  if (origin) {
    planPairedColumn(ctx, column, origin);
    return;
  }
  const declared = originalBackfills.find((b) => b.table === want.name && b.column === column.name);
  if (declared) {
    // A new column the original's rows can be given: added nullable, filled, constrained.
    const value = `(${declared.using})`;
    tableSources.set(column.name, {
      raw: value,
      cast: `${value}::${column.type}`,
      castTemplate: '',
    });
    const input = { table: want.name, column, description: declared.description, value };
    add(backfill.build({ ...input, adds: true }));
    return;
  }
  // A new column: its default fills existing rows.
  const value = column.default ?? `null::${column.type}`;
  tableSources.set(column.name, { raw: value, cast: value, castTemplate: '' });
  add(addColumn.build({ table: want.name, column }));
}

/** A column both sides have: renamed and transformed as declared, then altered. */
function planPairedColumn(ctx: ColumnContext, column: LiveColumn, origin: Origin): void {
  const { want, have, rebuiltEnums, renamedColumns, tableSources, add, zone } = ctx;
  const table = want.name;
  const c = quote(column.name);
  const from = have.columns.get(origin.live) as LiveColumn;
  const liveRef = quote(origin.live);
  const transform = origin.rename?.transform;
  const transformed = transform ? transform.using.replaceAll('{from}', liveRef) : liveRef;
  const enumRebuilt = from.enumType !== null && rebuiltEnums.has(from.enumType);
  const typeChanges = from.type !== column.type || enumRebuilt;
  const converts = typeChanges || transform !== undefined;
  tableSources.set(column.name, {
    raw: transformed,
    cast: converts ? castSql(transformed, transform ? undefined : from, column, zone) : liveRef,
    castTemplate: castSql(
      `__fluxcore_value__::${transform ? 'text' : from.type}`,
      transform ? undefined : from,
      column,
      zone,
    ),
  });
  if (origin.rename) {
    renamedColumns.push({ table, from: origin.live, to: column.name });
    add(
      renameColumn.build({
        table,
        from: origin.live,
        to: column.name,
        reason: origin.rename.reason,
      }),
    );
  }
  const afterRename = transform ? transform.using.replaceAll('{from}', c) : c;
  if (transform && !typeChanges) {
    const description = transform.description;
    add(backfill.build({ table, column, description, value: afterRename, adds: false }));
  }
  if (typeChanges) ctx.retyped.add(`${table}.${column.name}`);
  const enumLabels =
    column.enumType && !column.type.endsWith('[]')
      ? (ctx.target.schema.enums.get(column.enumType) ?? null)
      : null;
  add(retype.build({ table, column, from, transform, typeChanges, afterRename, enumLabels, zone }));
  if (column.notNull && !from.notNull)
    add(setNotNull.build({ table, column: column.name, fill: column.default ?? undefined }));
}
