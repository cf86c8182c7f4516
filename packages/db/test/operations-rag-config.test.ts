/**
 * RAG settings as the original app reads them: the column defaults and DEFAULT_RAG_CONFIG say
 * the same, and the effective settings of a store come from the store, its account, or the
 * defaults, in that order.
 */
import { describe, expect, test } from 'bun:test';
import { createOwnedAccount, databaseKinds, useMigratedDatabase } from '@fluxcore/db/testing';
import {
  DEFAULT_RAG_CONFIG,
  getEffectiveRagConfig,
  toRAGConfig,
} from '../src/operations/rag/config.ts';
import { fluxcoreRagConfigurations, fluxcoreVectorStores } from '../src/schema/index.ts';

describe.each(databaseKinds)('RAG settings on the %s database', (kind) => {
  const handle = useMigratedDatabase(kind);

  test('a configuration row with every default reads as DEFAULT_RAG_CONFIG', async () => {
    const { account } = await createOwnedAccount(handle.db);
    const [row] = await handle.db
      .insert(fluxcoreRagConfigurations)
      .values({ accountId: account.id, isDefault: true })
      .returning();
    if (!row) throw new Error('no row');
    const { id, accountId, ...config } = toRAGConfig(row);
    expect(id).toBe(row.id);
    expect(accountId).toBe(account.id);
    expect(config).toEqual({ ...DEFAULT_RAG_CONFIG, name: undefined, vectorStoreId: undefined });
  });

  test("a store's effective settings are its own, else its account's default, else DEFAULT_RAG_CONFIG", async () => {
    const { account } = await createOwnedAccount(handle.db);
    const [store, other] = await handle.db
      .insert(fluxcoreVectorStores)
      .values([
        { accountId: account.id, name: 'with settings' },
        { accountId: account.id, name: 'without' },
      ])
      .returning();
    if (!store || !other) throw new Error('no stores');

    const none = await getEffectiveRagConfig(handle.db, {
      vectorStoreId: other.id,
      accountId: account.id,
    });
    expect(none).toEqual({ id: '', ...DEFAULT_RAG_CONFIG });

    await handle.db
      .insert(fluxcoreRagConfigurations)
      .values({ accountId: account.id, isDefault: true, retrievalTopK: 20 });
    const fromAccount = await getEffectiveRagConfig(handle.db, {
      vectorStoreId: other.id,
      accountId: account.id,
    });
    expect(fromAccount.retrieval.topK).toBe(20);
    expect(fromAccount.accountId).toBe(account.id);

    await handle.db.insert(fluxcoreRagConfigurations).values({
      vectorStoreId: store.id,
      chunkingStrategy: 'page',
      retrievalMinScore: '0.550',
      rerankEnabled: true,
      rerankProvider: 'cohere',
    });
    const own = await getEffectiveRagConfig(handle.db, {
      vectorStoreId: store.id,
      accountId: account.id,
    });
    expect(own.vectorStoreId).toBe(store.id);
    expect(own.chunking.strategy).toBe('page');
    expect(own.retrieval.minScore).toBe(0.55);
    expect(own.retrieval.rerank).toEqual({ enabled: true, provider: 'cohere', topN: 5 });
    expect(own.retrieval.topK).toBe(10);
  });
});
