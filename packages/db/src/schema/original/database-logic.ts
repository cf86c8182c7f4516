/**
 * originalDatabaseLogic: every function, trigger and schema of the original's database logic
 * with this package's decision, then the ones this package's migrations create (the data is in
 * database-logic-decisions.ts). It reads the schema's tables to know which have updated_at.
 */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as apps from '../apps/index.ts';
import * as assets from '../assets/index.ts';
import * as assistants from '../assistants/index.ts';
import * as chat from '../chat/index.ts';
import * as creditsAndAccess from '../credits-and-access/index.ts';
import * as kernel from '../kernel/index.ts';
import * as locations from '../locations/index.ts';
import * as rag from '../rag/index.ts';
import * as runtime from '../runtime/index.ts';
import * as signals from '../signals/index.ts';
import * as works from '../works/index.ts';
import {
  type DatabaseLogicDecision,
  originalOnlyDatabaseLogic,
  packageDatabaseLogicFor,
} from './database-logic-decisions.ts';

/** Every table with an updated_at column: 0029 (0039 for May's tables) gives each the touch trigger. */
export const tablesWithUpdatedAt: readonly string[] = [
  apps,
  assets,
  assistants,
  chat,
  creditsAndAccess,
  kernel,
  locations,
  rag,
  runtime,
  signals,
  works,
]
  .flatMap((module) => Object.values(module))
  .filter((value): value is PgTable => is(value, PgTable))
  .filter((table) => 'updatedAt' in getTableColumns(table))
  .map((table) => getTableName(table))
  .sort();

/** The functions and triggers this package's migrations create. */
export const packageDatabaseLogic = packageDatabaseLogicFor(tablesWithUpdatedAt);

export const originalDatabaseLogic: readonly DatabaseLogicDecision[] = [
  ...originalOnlyDatabaseLogic,
  ...packageDatabaseLogic,
];

/** A function or trigger of the original's logic, as logic.tsv lists it. */
export interface OriginalLogicEntry {
  readonly kind: string;
  readonly schema: string;
  readonly name: string;
  /** A trigger's table. */
  readonly table?: string;
}

/**
 * The original's functions and triggers that have no decision (replace, keep and check, or
 * drop): `schema.name` for a function, `table.name` for a trigger. Converge follows the
 * decisions, so one without any would be kept beside the package's logic unexamined.
 */
export function undecidedOriginalLogic(
  entries: readonly OriginalLogicEntry[],
  decisions: readonly DatabaseLogicDecision[] = originalOnlyDatabaseLogic,
): string[] {
  return entries
    .filter((e) => e.kind === 'function' || e.kind === 'trigger')
    .filter((e) =>
      e.kind === 'function'
        ? !decisions.some((d) => d.kind === 'function' && d.name === `${e.schema}.${e.name}`)
        : !decisions.some((d) => d.kind === 'trigger' && d.name === e.name && d.table === e.table),
    )
    .map((e) => (e.kind === 'function' ? `${e.schema}.${e.name}` : `${e.table}.${e.name}`));
}
