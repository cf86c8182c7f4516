/**
 * Giving rows a value the schema's column needs that no default gives: a new column the
 * original's rows can be given (`originalBackfills`, packages/db/src/schema/original/), added
 * nullable, filled, then set NOT NULL once no row is left null (set-not-null.ts, whose check
 * names the backfill); or a renamed column whose values a declared transform rewrites. The
 * data check is set-not-null's. No online phases yet: online, the update runs in batches.
 */
import type { LiveColumn } from '../../catalog/introspect.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';
import { setNotNull } from './set-not-null.ts';

export interface BackfillInput {
  table: string;
  column: LiveColumn;
  /** What the plan says the value is (the backfill's or the transform's description). */
  description: string;
  /** The value, in SQL over the row. */
  value: string;
  /** A new column: added first (nullable), and set NOT NULL after when the schema says so. */
  adds: boolean;
}

export const backfill: StepKind<BackfillInput> = {
  name: 'backfill',
  checks: {},
  build({ table, column, description, value, adds }) {
    const t = quote(table);
    const c = quote(column.name);
    const fill = makeStep(
      'backfill',
      'backfill',
      table,
      `backfill ${table}.${column.name}: ${description}`,
      [`update ${t} set ${c} = ${value}`],
      { rewrites: true },
    );
    if (!adds) return [fill];
    const add = makeStep(
      'backfill',
      'add',
      table,
      `add column ${table}.${column.name} ${column.type}`,
      [
        `alter table ${t} add column ${c} ${column.type}${column.default === null ? '' : ` default ${column.default}`}`,
      ],
    );
    const constrain = column.notNull
      ? setNotNull.build({ table, column: column.name, backfill: description })
      : [];
    return [add, fill, ...constrain];
  },
};
