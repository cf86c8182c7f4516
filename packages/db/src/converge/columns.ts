/**
 * The steps for one column of a table both sides have, by kind: a new column the original's
 * rows are given (originalBackfills), a new column, and a paired one (renamed, transformed,
 * retyped, its default or nullability changed). Each function adds its steps with their data
 * checks; the column's source (how its value is read from the live row) is recorded for the
 * checks. Pure: no queries.
 */
import type { LiveColumn, LiveTable } from '../catalog/introspect.ts';
import type { FullCatalog } from '../catalog/logic.ts';
import { type OriginalBackfill, originalBackfills } from '../schema/original/backfills.ts';
import type { AddStep } from './constraints.ts';
import { type ColumnSource, castSql } from './diff.ts';
import { type ColumnPairing, quote } from './pair.ts';
import { planAddColumn } from './steps/add-column.ts';
import { planRetype } from './steps/retype.ts';
import { planSetNotNull } from './steps/set-not-null.ts';

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
  step: AddStep;
  zone: string | undefined;
}

type Origin = NonNullable<ReturnType<ColumnPairing['source']['get']>>;

export function planColumn(ctx: ColumnContext, column: LiveColumn): void {
  const origin = ctx.pairing.source.get(column.name);
  const backfill = origin
    ? undefined
    : originalBackfills.find((b) => b.table === ctx.want.name && b.column === column.name);
  if (backfill) planBackfilledColumn(ctx, column, backfill);
  else if (!origin) planAddColumn(ctx, column);
  else planPairedColumn(ctx, column, origin);
}

/**
 * A new column the original's rows can be given (originalBackfills): added nullable, filled,
 * then constrained once no row is left null.
 */
function planBackfilledColumn(
  ctx: ColumnContext,
  column: LiveColumn,
  backfill: OriginalBackfill,
): void {
  const { want, tableSources, step } = ctx;
  const t = quote(want.name);
  const c = quote(column.name);
  const value = `(${backfill.using})`;
  tableSources.set(column.name, {
    raw: value,
    cast: `${value}::${column.type}`,
    castTemplate: '',
  });
  step('add', want.name, `add column ${want.name}.${column.name} ${column.type}`, [
    `alter table ${t} add column ${c} ${column.type}${column.default === null ? '' : ` default ${column.default}`}`,
  ]);
  step(
    'backfill',
    want.name,
    `backfill ${want.name}.${column.name}: ${backfill.description}`,
    [`update ${t} set ${c} = ${value}`],
    { rewrites: true },
  );
  if (column.notNull)
    step(
      'constrain',
      want.name,
      `set ${want.name}.${column.name} not null`,
      [`alter table ${t} alter column ${c} set not null`],
      {
        checks: [
          {
            kind: 'not-null',
            table: want.name,
            column: column.name,
            backfill: backfill.description,
          },
        ],
        longLock: true,
      },
    );
}

/** A column both sides have: renamed and transformed as declared, then altered. */
function planPairedColumn(ctx: ColumnContext, column: LiveColumn, origin: Origin): void {
  const { want, have, rebuiltEnums, renamedColumns, tableSources, step, zone } = ctx;
  const t = quote(want.name);
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
    renamedColumns.push({ table: want.name, from: origin.live, to: column.name });
    step(
      'rename',
      want.name,
      `rename ${want.name}.${origin.live} to ${column.name} (${origin.rename.reason})`,
      [`alter table ${t} rename column ${liveRef} to ${c}`],
    );
  }
  const afterRename = transform ? transform.using.replaceAll('{from}', c) : c;
  if (transform && !typeChanges) {
    step(
      'backfill',
      want.name,
      `backfill ${want.name}.${column.name}: ${transform.description}`,
      [`update ${t} set ${c} = ${afterRename}`],
      { rewrites: true },
    );
  }
  planRetype(ctx, column, from, { transform, typeChanges, afterRename });
  if (column.notNull && !from.notNull)
    planSetNotNull(
      ctx,
      column,
      originalBackfills.find((b) => b.table === want.name && b.column === column.name),
    );
}
