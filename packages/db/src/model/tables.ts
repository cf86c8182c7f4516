/**
 * The schema's tables as data, derived from the schema objects: the single list every tool
 * (tests, audit, baseline, deletion) reads instead of typing table names again.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema/index.ts';

export const schemaTables: PgTable[] = Object.values(schema as Record<string, unknown>).filter(
  (value): value is PgTable => is(value, PgTable),
);

export const schemaTableNames: string[] = schemaTables
  .map((table) => getTableConfig(table).name)
  .sort();
