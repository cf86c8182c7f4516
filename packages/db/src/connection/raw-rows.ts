/**
 * The rows of a raw SQL statement run through drizzle. node-postgres and PGlite both answer
 * `execute` with an object holding `rows`; drizzle types it per driver, so it is read here once.
 */
import type { SQLWrapper } from 'drizzle-orm';
import type { Database, Transaction } from './types.ts';

export async function rawRows<T>(db: Database | Transaction, query: SQLWrapper): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
