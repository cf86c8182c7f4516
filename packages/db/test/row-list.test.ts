/**
 * db.execute() answers with the rows as an array, as the original app's postgres-js did, and
 * keeps node-postgres's fields, on both databases, on the client and in (nested) transactions.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds, useMigratedDatabase } from '@fluxcore/db/testing';
import { sql } from 'drizzle-orm';

describe.each(databaseKinds)('db.execute on the %s database', (kind) => {
  const handle = useMigratedDatabase(kind);

  test('answers with the rows as an array, which compares as its rows', async () => {
    const result = await handle.db.execute(
      sql`select 1 as one, 'a' as letter union all select 2, 'b'`,
    );
    expect(Array.isArray(result)).toBe(true);
    expect(result as unknown).toEqual([
      { one: 1, letter: 'a' },
      { one: 2, letter: 'b' },
    ]);
    const [first] = result;
    expect(first?.letter).toBe('a');
    expect(result.map((row) => row.one)).toEqual([1, 2]);
    expect(JSON.stringify(result)).toBe('[{"one":1,"letter":"a"},{"one":2,"letter":"b"}]');
  });

  test("keeps node-postgres's rows and the statement's count", async () => {
    const result = await handle.db.execute(sql`select 'x' as v`);
    expect(result.rows).toEqual([{ v: 'x' }]);
    expect(result.count).toBe(1);
    expect(result.fields.map((field) => field.name)).toEqual(['v']);
  });

  test('counts the rows an update changed', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table row_list_probe (n int) on commit drop`);
      await tx.execute(sql`insert into row_list_probe values (1), (2), (3)`);
      const updated = await tx.execute(sql`update row_list_probe set n = n + 1 where n < 3`);
      expect(updated).toHaveLength(0);
      expect(updated.count).toBe(2);
    });
  });

  test('a typed row is checked, and so is a transaction’s and a nested one’s', async () => {
    await handle.db.transaction(async (tx) => {
      const [row] = await tx.execute<{ id: number }>(sql`select 7 as id`);
      expect(row?.id).toBe(7);
      await tx.transaction(async (inner) => {
        const nested = await inner.execute(sql`select 8 as id`);
        expect([...nested]).toEqual([{ id: 8 }]);
      });
    });
  });
});
