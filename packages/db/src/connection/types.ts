/**
 * The types of a database handle, shared by the client that opens one and the modules that use
 * one (prepared statements, raw rows, the write check), so none of them imports the client.
 */
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from '../schema/index.ts';
import type { DatabaseConfig } from './config.ts';
import type { RowListHKT } from './row-list.ts';
import type { Row } from './session.ts';

export type Schema = typeof schema;
/**
 * A database handle of either kind. Operations take it (or a Transaction) as first argument.
 * Its execute() answers with the rows as an array (a RowList, see row-list.ts) on both kinds.
 */
export type Database = PgDatabase<RowListHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<RowListHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseClient {
  readonly kind: DatabaseConfig['kind'];
  readonly db: Database;
  /** Raw SQL on the same database (for the pool: any one of its connections). */
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script that may hold several statements (no parameters). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}
