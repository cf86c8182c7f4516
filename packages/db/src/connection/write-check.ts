/**
 * Whether a write goes through now: a temporary table created, written and rolled back, in a
 * transaction of its own (a read-only database refuses it with 25006, a full disk fails it).
 * Nothing stays: the table is dropped with the rollback.
 */
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { describeError, unavailabilityOf } from '../errors/database-errors.ts';
import type { DatabaseClient } from './types.ts';

/** Why a write cannot go through now, as one line with its fix; undefined when it can. */
export async function writeRefusal(client: DatabaseClient): Promise<string | undefined> {
  try {
    await client.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table fluxcore_write_probe (x int) on commit drop`);
      await tx.execute(sql`insert into fluxcore_write_probe values (1)`);
      tx.rollback();
    });
  } catch (error) {
    if (error instanceof TransactionRollbackError) return undefined;
    return unavailabilityOf(error) ?? `a write fails: ${describeError(error)}`;
  }
  return undefined;
}
