/**
 * RAG search filtered to one store, on both databases: a small store among thousands of other
 * stores' chunks that lie nearer the query. No index spans the stores (each large store has
 * its own), so no walk meets other stores' chunks; searchChunks must return the store's k
 * nearest, exactly, nearest first, and when the store's own index walk yields fewer than k
 * the exact query fills them.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import { unnamedArrayRows } from '../src/connection/prepared.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import {
  type ChunkMatch,
  nearestChunksQuery,
  searchChunks,
  searchStatement,
  storeHasOwnIndex,
} from '../src/operations/rag/search.ts';
import { storeIndexDefinition } from '../src/operations/rag/store-indexes.ts';
import { embeddingDimensions } from '../src/schema/index.ts';
import { createOwnedAccount, databaseKinds, useMigratedDatabase } from '../src/testing/index.ts';

const otherStores = 4;
const chunksPerOtherStore = 500;
const storeChunks = 20;
const topK = 10;

/** The query: component d (1-based) is sin(d). */
const query = Array.from({ length: embeddingDimensions }, (_, i) => Math.sin(i + 1));

/**
 * A deterministic pseudo-random number in (-1, 1) for chunk `g`, component `d`, salt `s`
 * (the fractional part of a large sine), as SQL.
 */
const noise = (g: string, s: number) =>
  `((sin(${g} * 12.9898 + d * 78.233 + ${s}) * 43758.5453)::numeric % 1)::float8`;

describe.each(databaseKinds)('RAG search filtered to a small store (%s)', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  let storeId: string;
  let storeChunkIds: Set<string>;

  beforeAll(async () => {
    db = migrated.db;
    const { account } = await createOwnedAccount(db, 'rag');
    const stores = await rawRows<{ id: string }>(
      db,
      sql`insert into fluxcore_vector_stores (account_id, name)
          select ${account.id}, 'store ' || g from generate_series(0, ${otherStores}) g
          returning id`,
    );
    const files = await rawRows<{ id: string }>(
      db,
      sql`insert into fluxcore_files (account_id, name, content_hash)
          select ${account.id}, 'file ' || g, 'hash ' || g from generate_series(0, ${otherStores}) g
          returning id`,
    );
    const [store, ...others] = stores.map((s) => s.id);
    const [file, ...otherFiles] = files.map((f) => f.id);
    if (!store || !file) throw new Error('fixture failed');
    storeId = store;
    // Other stores: the query plus a little noise (cosine similarity about 0.95). The noise
    // comes from 2 × 64 bases, so that only 128 vectors are computed.
    await db.execute(sql`create temp table fluxcore_test_bases as
      select k, (select array_agg(sin(d) + 0.3 * ${sql.raw(noise('k', 0))} order by d) from generate_series(1, ${embeddingDimensions}) d)::vector as a,
             (select array_agg(0.3 * ${sql.raw(noise('k', 1))} order by d) from generate_series(1, ${embeddingDimensions}) d)::vector as b
      from generate_series(0, 63) k`);
    for (const [i, other] of others.entries()) {
      await db.execute(sql`insert into fluxcore_document_chunks
          (vector_store_id, file_id, account_id, chunk_index, content, embedding)
        select ${other}, ${otherFiles[i]}, ${account.id}, g, 'other ' || g, x.a + y.b
        from generate_series(0, ${chunksPerOtherStore - 1}) g
        join fluxcore_test_bases x on x.k = (g + ${i * 7}) % 64
        join fluxcore_test_bases y on y.k = (g / 8 + ${i * 13}) % 64`);
    }
    // The store: the query weighed less and less against more noise (similarity from about
    // 0.75 down to 0.2 as g grows), so every one of its chunks is farther than any other's.
    await db.execute(sql`insert into fluxcore_document_chunks
        (vector_store_id, file_id, account_id, chunk_index, content, embedding)
      select ${store}, ${file}, ${account.id}, g, 'store ' || g,
        (select array_agg(sin(d) * (1.0 - g * 0.045) + ${sql.raw(noise('(g + 1000)', 2))} order by d)
           from generate_series(1, ${embeddingDimensions}) d)::vector
      from generate_series(0, ${storeChunks - 1}) g`);
    await db.execute(sql`analyze fluxcore_document_chunks`);
    const ids = await rawRows<{ id: string }>(
      db,
      sql`select id from fluxcore_document_chunks where vector_store_id = ${store}`,
    );
    storeChunkIds = new Set(ids.map((row) => row.id));
  }, 600_000);

  /** The store's k nearest by a sequential scan: exact. */
  const exactTop = (k: number) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_indexscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return nearestChunksQuery(tx, { vectorStoreId: storeId, embedding: query, topK: k });
    });

  test('the fixture: every other store chunk is nearer the query than any of the store', async () => {
    const [row] = await rawRows<{
      store: number;
      others: number;
      farthest: number;
      nearest: number;
    }>(
      db,
      sql`select count(*) filter (where vector_store_id = ${storeId})::int as store,
                 count(*) filter (where vector_store_id <> ${storeId})::int as others,
                 min(1 - (embedding <=> ${JSON.stringify(query)}::vector)) filter (where vector_store_id <> ${storeId}) as farthest,
                 max(1 - (embedding <=> ${JSON.stringify(query)}::vector)) filter (where vector_store_id = ${storeId}) as nearest
          from fluxcore_document_chunks`,
    );
    expect(row?.store).toBe(storeChunks);
    expect(row?.others).toBe(otherStores * chunksPerOtherStore);
    expect(Number(row?.nearest)).toBeLessThan(Number(row?.farthest));
  });

  test('k = 10 gives exactly the store’s 10 nearest, all of the store, nearest first', async () => {
    const exact = await exactTop(topK);
    expect(exact).toHaveLength(topK);
    const found = await searchChunks(db, {
      vectorStoreId: storeId,
      embedding: query,
      topK,
      minScore: 0,
    });
    expect(found).toHaveLength(topK);
    for (const chunk of found) expect(storeChunkIds.has(chunk.id)).toBe(true);
    const scores = found.map((chunk) => chunk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(found.map((chunk) => chunk.id)).toEqual(exact.map((chunk) => chunk.id));
    for (const [i, chunk] of found.entries())
      expect(chunk.score).toBeCloseTo(1 - (exact[i]?.distance ?? 0), 5);
    // The default minimum score (0.3) keeps those of the store's chunks that reach it.
    const all = await exactTop(storeChunks);
    const reaching = await searchChunks(db, {
      vectorStoreId: storeId,
      embedding: query,
      topK: storeChunks,
    });
    const expected = all.filter((chunk) => 1 - chunk.distance >= 0.3).map((chunk) => chunk.id);
    expect(expected.length).toBeGreaterThan(topK);
    expect(expected.length).toBeLessThan(storeChunks);
    expect(reaching.map((chunk) => chunk.id)).toEqual(expected);
  });

  test('when the store’s own index walk yields fewer than k, the exact query fills them', async () => {
    const exact = await exactTop(topK);
    let found: ChunkMatch[] = [];
    const rolledBack = await db
      .transaction(async (tx) => {
        // The store's own index, as maintainStoreIndexes builds it at the threshold, for this
        // transaction alone (a transaction reads its own list of them).
        await tx.execute(sql.raw(storeIndexDefinition(storeId, embeddingDimensions, false)));
        expect(await storeHasOwnIndex(tx, storeId)).toBe(true);
        // A walk that keeps 5 candidates cannot give 10 rows. (On 20 rows the planner would
        // rather sort them: sorting is priced out so that the walk runs, as on a large store.)
        const [{ jit: jitBefore } = { jit: '' }] = await rawRows<{ jit: string }>(
          tx,
          sql`select current_setting('jit') as jit`,
        );
        await tx.execute(sql`set local hnsw.ef_search = 5`);
        await tx.execute(sql`set local enable_sort = off`);
        const walk = searchStatement(
          { vectorStoreId: storeId, vector: JSON.stringify(query), dimensions: query.length, topK },
          'index',
        );
        expect((await unnamedArrayRows(tx, walk)).length).toBeLessThan(topK);
        found = await searchChunks(tx, {
          vectorStoreId: storeId,
          embedding: query,
          topK,
          minScore: 0,
        });
        // The index path set enable_sort and jit for its own search and put back the caller's.
        const [settings] = await rawRows<{ sort: string; jit: string; ef: string }>(
          tx,
          sql`select current_setting('enable_sort') as sort, current_setting('jit') as jit,
                current_setting('hnsw.ef_search') as ef`,
        );
        expect(settings).toEqual({ sort: 'off', jit: jitBefore, ef: '5' });
        tx.rollback();
      })
      .catch((error: unknown) => error instanceof TransactionRollbackError);
    expect(rolledBack).toBe(true);
    expect(found.map((chunk) => chunk.id)).toEqual(exact.map((chunk) => chunk.id));
  });

  test('a store with fewer chunks than k gives all of them, nearest first', async () => {
    const exact = await exactTop(30);
    expect(exact).toHaveLength(storeChunks);
    const found = await searchChunks(db, {
      vectorStoreId: storeId,
      embedding: query,
      topK: 30,
      minScore: 0,
    });
    expect(found.map((chunk) => chunk.id)).toEqual(exact.map((chunk) => chunk.id));
  });
});
