/** Query plans for the tests that show an index serves a query. */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../src/connection/client.ts';
import { rawRows } from '../../src/connection/raw-rows.ts';

/**
 * The plan of `query`, read in a transaction of its own. Tiny tables make a sequential scan
 * and a sort the cheapest plan; switching both off shows whether an index *can* serve the
 * query in this order, as it must at scale.
 */
export async function plan(db: Database, query: SQL): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_sort = off`);
    const rows = await rawRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}
