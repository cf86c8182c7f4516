/**
 * The worker's per-store index loop on both databases: a store that reaches the threshold gets
 * its own HNSW index within a round, and the loop stops when its signal aborts.
 */
import { describe, expect, test } from 'bun:test';
import { fluxcoreDocumentChunks, fluxcoreFiles, fluxcoreVectorStores } from '@fluxcore/db/schema';
import {
  axisEmbedding,
  createOwnedAccount,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { runStoreIndexLoop } from '../src/store-indexes.ts';

describe.each(databaseKinds)('the per-store index loop (%s)', (kind) => {
  const migrated = useMigratedDatabase(kind);

  test('a store at the threshold gets its own index; the loop stops on abort', async () => {
    const db = migrated.db;
    const { account } = await createOwnedAccount(db, 'indexed');
    const [store] = await db
      .insert(fluxcoreVectorStores)
      .values({ accountId: account.id, name: 's' })
      .returning();
    const [file] = await db
      .insert(fluxcoreFiles)
      .values({ accountId: account.id, name: 'f', contentHash: 'h' })
      .returning();
    if (!store || !file) throw new Error('fixture failed');
    await db.insert(fluxcoreDocumentChunks).values(
      Array.from({ length: 12 }, (_, i) => ({
        vectorStoreId: store.id,
        fileId: file.id,
        accountId: account.id,
        chunkIndex: i,
        content: `chunk ${i}`,
        embedding: axisEmbedding(i % 8),
      })),
    );
    const stop = new AbortController();
    const lines: string[] = [];
    const changed = await runStoreIndexLoop({
      db: migrated.client,
      everyMs: 20,
      thresholds: { indexAt: 10, dropBelow: 5 },
      signal: stop.signal,
      log: (line) => {
        lines.push(line);
        stop.abort();
      },
    });
    expect(changed).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toStartWith(
      `store indexes: created fluxcore_chunks_${store.id.replaceAll('-', '')}_hnsw (12 chunks of 1536 dimensions) in `,
    );
    const rows = await migrated.client.query<{ indexname: string }>(
      `select indexname from pg_indexes where indexname like 'fluxcore\\_chunks\\_%'`,
    );
    expect(rows.map((r) => r.indexname)).toEqual([
      `fluxcore_chunks_${store.id.replaceAll('-', '')}_hnsw`,
    ]);
  });
});
