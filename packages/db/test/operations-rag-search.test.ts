/**
 * RAG retrieval (src/operations/rag/search.ts), called directly on both databases: the top k
 * of one store by cosine distance above a minimum score, never another store's chunks, and a
 * small store's rows read through its btree (its plan read with EXPLAIN).
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  axisEmbedding,
  createOwnedAccount,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import type { Database } from '../src/connection/client.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { nearestChunksQuery, searchChunks } from '../src/operations/rag/search.ts';
import {
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreVectorStores,
} from '../src/schema/index.ts';
import { plan } from './support/plans.ts';

describe.each(databaseKinds)('RAG search on the %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  test('RAG returns the top k of one store by cosine distance, above the minimum score', async () => {
    const { account } = await createOwnedAccount(db, 'rag');
    const [store, otherStore] = await db
      .insert(fluxcoreVectorStores)
      .values([
        { accountId: account.id, name: 's1' },
        { accountId: account.id, name: 's2' },
      ])
      .returning();
    const [file] = await db
      .insert(fluxcoreFiles)
      .values({ accountId: account.id, name: 'f', contentHash: 'h' })
      .returning();
    if (!store || !otherStore || !file) throw new Error('fixture failed');
    // Chunk i points between axis 0 and axis 1: its similarity to axis 0 falls as i grows.
    const chunks = Array.from({ length: 12 }, (_, i) => ({
      vectorStoreId: store.id,
      fileId: file.id,
      accountId: account.id,
      chunkIndex: i,
      content: `chunk ${i}`,
      embedding: axisEmbedding(0, Math.cos((i * Math.PI) / 24), {
        axis: 1,
        weight: Math.sin((i * Math.PI) / 24),
      }),
    }));
    await db.insert(fluxcoreDocumentChunks).values(chunks);
    // The other store holds the exact query vector: it must never be returned.
    await db.insert(fluxcoreDocumentChunks).values({
      vectorStoreId: otherStore.id,
      fileId: file.id,
      accountId: account.id,
      chunkIndex: 100,
      content: 'other store',
      embedding: axisEmbedding(0),
    });
    const query = axisEmbedding(0);
    const top = await searchChunks(db, { vectorStoreId: store.id, embedding: query, topK: 4 });
    expect(top.map((c) => c.chunkIndex)).toEqual([0, 1, 2, 3]);
    expect(top[0]?.score).toBeCloseTo(1, 5);
    expect(top[3]?.score).toBeCloseTo(Math.cos((3 * Math.PI) / 24), 5);
    // cos(i·π/24) ≥ 0.8 holds for i ≤ 4.
    const strict = await searchChunks(db, {
      vectorStoreId: store.id,
      embedding: query,
      topK: 10,
      minScore: 0.8,
      efSearch: 100,
    });
    expect(strict.map((c) => c.chunkIndex)).toEqual([0, 1, 2, 3, 4]);
    // Any width is a query (the column takes any): this store has no chunk of 3 dimensions.
    expect(await searchChunks(db, { vectorStoreId: store.id, embedding: [1, 2, 3] })).toEqual([]);
    await expect(
      searchChunks(db, { vectorStoreId: store.id, embedding: [] }),
    ).rejects.toBeInstanceOf(FluxDbError);

    // A small store has no index of its own: its rows are read through the store's btree.
    const nearest = nearestChunksQuery(db, { vectorStoreId: store.id, embedding: query, topK: 10 });
    const text = await plan(db, nearest.getSQL());
    expect(text).toContain('fluxcore_document_chunks_vector_store_id_idx');
    expect(text).not.toContain('hnsw');
  });
});
