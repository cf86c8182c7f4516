/**
 * Column and constraint helpers every table shares. Names in SQL are snake_case and always
 * explicit, so the audit, drizzle-kit and the database agree on them without a casing option.
 */
import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  foreignKey,
  index,
  type PgColumn,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';

/** `id uuid primary key default gen_random_uuid()`. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** `created_at timestamptz not null default now()`. */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `updated_at timestamptz not null default now()`, refreshed by drizzle on every update. */
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * `allow_automated_use boolean not null default false`: whether the AI may act on the row on
 * its own (the May lineage's 036_policy_context_authorization).
 */
export const allowAutomatedUse = () => boolean('allow_automated_use').notNull().default(false);

/**
 * created_at and updated_at as the original declares them on its asset and file tables:
 * defaulted, and nullable (its types let a write pass null; see original/tightenings.ts).
 */
export const nullableTimestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** created_at and updated_at, for tables whose rows change. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** A nullable timestamptz, for moments that may not have happened yet. */
export const moment = (name: string) => timestamp(name, { withTimezone: true });

export type OnDelete = 'cascade' | 'set null' | 'restrict';

/**
 * A foreign key with an explicit, stable name (`<table>_<column>_fk`) and an explicit
 * `on delete`, plus the index on its column (`<table>_<column>_idx`). Pass
 * `{ indexed: false }` only where another index of the table already starts with the column.
 */
export function reference(
  column: PgColumn,
  target: () => AnyPgColumn,
  onDelete: OnDelete,
  options: { indexed?: boolean } = {},
) {
  const table = getTableName(column.table);
  const key = foreignKey({
    name: `${table}_${column.name}_fk`,
    columns: [column],
    foreignColumns: [target()],
  }).onDelete(onDelete);
  return options.indexed === false ? [key] : [key, index(`${table}_${column.name}_idx`).on(column)];
}

/** A check that exactly one of the given nullable columns is set. */
export function exactlyOneOf(...columns: PgColumn[]) {
  const terms = columns.map((column) => sql`(case when ${column} is null then 0 else 1 end)`);
  return sql`(${sql.join(terms, sql` + `)}) = 1`;
}

/**
 * Each uuid column (and uuid array) of a table validated as PostgreSQL's uuid type takes it:
 * z.guid(), any version and variant. drizzle-zod's own z.uuid() refuses ids that are not RFC
 * 9562, which the original's rows hold (md5-derived ids). Refined, so nullability stays.
 */
function guidRefinements(table: Table) {
  const refinements: Record<string, () => z.ZodType> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (column.columnType === 'PgUUID') refinements[key] = () => z.guid();
    const base = (column as { baseColumn?: { columnType: string } }).baseColumn;
    if (column.columnType === 'PgArray' && base?.columnType === 'PgUUID') {
      refinements[key] = () => z.array(z.guid());
    }
  }
  return refinements;
}

/** zod validators derived from a table: `select` for rows read, `insert` for rows written. */
export function rowSchemas<TTable extends Table>(table: TTable) {
  const guids = guidRefinements(table) as never;
  return { select: createSelectSchema(table, guids), insert: createInsertSchema(table, guids) };
}
