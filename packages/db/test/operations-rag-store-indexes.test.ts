/**
 * RAG retrieval chosen by store size (src/operations/rag/search.ts, store-indexes.ts), on both
 * databases, with the threshold lowered so the data stays small: a store at or over it gets
 * its own partial HNSW index (CONCURRENTLY on the server) and loses it when it shrinks; below
 * it the search is exact (the exact top 10, through the store's btree, no HNSW index in the
 * plan); above it recall@10 holds ≥ 0.95 on seeded clustered data. The filters the original
 * uses (account, files by status, the RAG configuration's top_k and min_score) give the same
 * rows as an exact query with the same filters, on both paths.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { type SQL, sql } from 'drizzle-orm';
import { introspectSchema } from '../src/catalog/introspect.ts';
import type { Database } from '../src/connection/client.ts';
import { rawRows } from '../src/connection/raw-rows.ts';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { getEffectiveRagConfig } from '../src/operations/rag/config.ts';
import {
  type ChunkFilters,
  indexSearchStatements,
  nearestChunksQuery,
  searchChunks,
  searchStatement,
  storeHasOwnIndex,
} from '../src/operations/rag/search.ts';
import {
  maintainStoreIndexes,
  planStoreIndexes,
  readStoreIndexThresholds,
} from '../src/operations/rag/store-indexes.ts';
import {
  embeddingDimensions,
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreRagConfigurations,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStores,
  storeIndexName,
} from '../src/schema/index.ts';
import { createOwnedAccount, databaseKinds, useMigratedDatabase } from '../src/testing/index.ts';
import { plan } from './support/plans.ts';

const thresholds = { indexAt: 150, dropBelow: 80 };
const largeChunks = 200;
const smallChunks = 60;
const narrowDimensions = 384;
const statuses = ['completed', 'in_progress', 'failed', 'completed'] as const;

/** A seeded generator (a 32-bit LCG and Box–Muller): the same vectors on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A unit vector near `centre` (spread: the noise's length relative to the centre's). */
function near(normal: () => number, centre: number[], spread: number): number[] {
  const scale = spread / Math.sqrt(centre.length);
  const point = centre.map((value) => value + scale * normal());
  const norm = Math.hypot(...point);
  return point.map((value) => value / norm);
}

describe.each(databaseKinds)('RAG search by store size (%s)', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  const normal = seeded(25);
  const topics = Array.from({ length: 4 }, () =>
    near(normal, Array<number>(embeddingDimensions).fill(0), 1),
  );
  const narrowTopics = Array.from({ length: 4 }, () =>
    near(normal, Array<number>(narrowDimensions).fill(0), 1),
  );
  const documents = (count: number, dimensions = embeddingDimensions) =>
    Array.from({ length: count }, (_, i) => {
      const centres = dimensions === embeddingDimensions ? topics : narrowTopics;
      return near(normal, centres[i % centres.length] ?? [], 0.8);
    });
  let account: string;
  let otherAccount: string;
  let large: { id: string; documents: number[][] };
  let small: { id: string; documents: number[][] };
  let narrow: { id: string; documents: number[][] };
  let smallNarrow: number[][];

  async function createStore(size: number, ownerAccount: string, dimensions = embeddingDimensions) {
    const [store] = await db
      .insert(fluxcoreVectorStores)
      .values({ accountId: ownerAccount, name: `store of ${size}` })
      .returning();
    if (!store) throw new Error('fixture failed');
    const files = await db
      .insert(fluxcoreFiles)
      .values(
        statuses.map((_, i) => ({
          accountId: ownerAccount,
          name: `f${i}`,
          contentHash: `${store.id}-${i}`,
        })),
      )
      .returning();
    await db.insert(fluxcoreVectorStoreFiles).values(
      files.map((file, i) => ({
        vectorStoreId: store.id,
        fileId: file.id,
        name: file.name,
        status: statuses[i],
      })),
    );
    const centres = documents(Math.max(2, Math.round(size / 25)), dimensions);
    await insertChunks(store.id, files, ownerAccount, centres, size);
    return { id: store.id, documents: centres };
  }

  async function insertChunks(
    storeId: string,
    files: { id: string }[],
    ownerAccount: string,
    centres: number[][],
    size: number,
    first = 0,
  ) {
    for (let offset = 0; offset < size; offset += 50) {
      await db.insert(fluxcoreDocumentChunks).values(
        Array.from({ length: Math.min(50, size - offset) }, (_, j) => {
          const i = first + offset + j;
          return {
            vectorStoreId: storeId,
            fileId: files[i % files.length]?.id ?? '',
            accountId: ownerAccount,
            chunkIndex: i,
            content: `chunk ${i}`,
            embedding: near(normal, centres[i % centres.length] ?? [], 0.6),
            // Another model's chunks of the same file (the unique key is per model).
            embeddingModel: centres[0]?.length === embeddingDimensions ? null : 'narrow',
          };
        }),
      );
    }
  }

  const exactTop = (vectorStoreId: string, embedding: number[], topK = 10, filters = {}) =>
    nearestChunksQuery(db, { vectorStoreId, embedding, topK, exact: true, ...filters });

  beforeAll(async () => {
    db = migrated.db;
    account = (await createOwnedAccount(db, 'sized')).account.id;
    otherAccount = (await createOwnedAccount(db, 'other')).account.id;
    large = await createStore(largeChunks, account);
    small = await createStore(smallChunks, account);
    // Chunks of another model's width: a large store of them, and a few in the small store.
    narrow = await createStore(largeChunks, account, narrowDimensions);
    smallNarrow = documents(2, narrowDimensions);
    const smallFiles = await db
      .select({ id: fluxcoreVectorStoreFiles.fileId })
      .from(fluxcoreVectorStoreFiles)
      .where(sql`${fluxcoreVectorStoreFiles.vectorStoreId} = ${small.id}`);
    const fileIds = smallFiles.map((f) => ({ id: f.id ?? '' }));
    await insertChunks(small.id, fileIds, account, smallNarrow, 20);
    // Another account's store: its chunks lie near (the same topics) and must never come back.
    await createStore(100, otherAccount);
  }, 600_000);

  test('the store at the threshold gets its own index, the one below does not; a second run changes nothing', async () => {
    const changes = await maintainStoreIndexes(migrated.client, { thresholds });
    expect(changes.map((c) => [c.action, c.vectorStoreId, c.reason]).sort()).toEqual(
      [
        ['created', large.id, `${largeChunks} chunks of ${embeddingDimensions} dimensions`],
        ['created', narrow.id, `${largeChunks} chunks of ${narrowDimensions} dimensions`],
      ].sort(),
    );
    const indexes = await rawRows<{ indexname: string; indexdef: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes where tablename = 'fluxcore_document_chunks' and indexname like 'fluxcore\\_chunks\\_%'`,
    );
    const definitions = new Map(indexes.map((i) => [i.indexname, i.indexdef]));
    expect([...definitions.keys()].sort()).toEqual(
      [storeIndexName(large.id), storeIndexName(narrow.id)].sort(),
    );
    for (const [store, n] of [
      [large, embeddingDimensions],
      [narrow, narrowDimensions],
    ] as const) {
      const definition = definitions.get(storeIndexName(store.id));
      expect(definition).toContain(`((embedding)::vector(${n})) vector_cosine_ops`);
      expect(definition).toContain(
        `WHERE ((vector_store_id = '${store.id}'::uuid) AND (vector_dims(embedding) = ${n}))`,
      );
    }
    expect(await planStoreIndexes(db, thresholds)).toEqual({ create: [], drop: [] });
    expect(await maintainStoreIndexes(migrated.client, { thresholds })).toEqual([]);
    expect(await storeHasOwnIndex(db, large.id)).toBe(true);
    expect(await storeHasOwnIndex(db, small.id)).toBe(false);
    // Data, not schema: the catalog reader the audit, baseline and converge share leaves it out.
    const live = await introspectSchema(migrated.client);
    const table = live.tables.get('fluxcore_document_chunks');
    expect([...(table?.indexes.keys() ?? [])]).toContain(
      'fluxcore_document_chunks_vector_store_id_idx',
    );
    expect(table?.indexes.has(storeIndexName(large.id))).toBe(false);
    // No HNSW index on the whole column: a column of any dimension cannot have one.
    expect([...(table?.indexes.values() ?? [])].map((i) => i.method)).not.toContain('hnsw');
  });

  test('below the threshold the search is exact: the exact top 10, and no HNSW index in its plan', async () => {
    const normalQ = seeded(7);
    for (let q = 0; q < 8; q++) {
      const embedding = near(normalQ, small.documents[q % small.documents.length] ?? [], 0.6);
      const found = await searchChunks(db, { vectorStoreId: small.id, embedding, minScore: 0 });
      const exact = await exactTop(small.id, embedding);
      expect(found.map((c) => c.id)).toEqual(exact.map((c) => c.id));
      for (const [i, chunk] of found.entries())
        expect(chunk.score).toBeCloseTo(1 - (exact[i]?.distance ?? 0), 5);
    }
    const statement = searchStatement(
      {
        vectorStoreId: small.id,
        vector: JSON.stringify(topics[0]),
        dimensions: embeddingDimensions,
        topK: 10,
      },
      'exact',
    );
    // Even with sequential scans and sorts priced out, no HNSW index can serve this order.
    const text = await plan(db, statement);
    expect(text).toContain('fluxcore_document_chunks_vector_store_id_idx');
    expect(text).not.toContain('hnsw');
  });

  test('the exact path fetches each embedding once: the same rows as the plain exact query, on about half its buffers', async () => {
    // An embedding of 1536 numbers is stored out of line (TOAST); written plainly, the query
    // fetches it once for vector_dims() and again for cosine_distance().
    const embedding = near(seeded(9), small.documents[0] ?? [], 0.6);
    const buffers = async (query: SQL) => {
      let blocks = 0;
      // The second run: the first also reads the catalog.
      for (let run = 0; run < 2; run++) {
        const [row] = await rawRows<{ 'QUERY PLAN': unknown }>(
          db,
          sql`explain (analyze, buffers, format json) ${query}`,
        );
        const text = row?.['QUERY PLAN'];
        const [top] = (typeof text === 'string' ? JSON.parse(text) : text) as {
          Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
        }[];
        blocks = (top?.Plan['Shared Hit Blocks'] ?? 0) + (top?.Plan['Shared Read Blocks'] ?? 0);
      }
      return blocks;
    };
    const ours = searchStatement(
      {
        vectorStoreId: small.id,
        vector: JSON.stringify(embedding),
        dimensions: embeddingDimensions,
        topK: 10,
      },
      'exact',
    );
    const plain = exactTop(small.id, embedding).getSQL();
    const rows = await rawRows<{ id: string }>(db, ours);
    expect(rows.map((row) => row.id)).toEqual(
      (await exactTop(small.id, embedding)).map((c) => c.id),
    );
    const [oursBlocks, plainBlocks] = [await buffers(ours), await buffers(plain)];
    // 60 chunks of 1536 numbers: about 6 buffers a chunk plainly, 3 read once.
    expect(plainBlocks).toBeGreaterThan(4 * smallChunks);
    expect(oursBlocks).toBeLessThan(0.7 * plainBlocks);
  });

  // Server only: PGlite's driver runs the statement unnamed (nothing to show in
  // pg_prepared_statements), so the embedded run leaves this test out rather than skip it.
  if (kind === 'server')
    test('the exact path is a prepared statement whose one generic plan serves every store after five runs', async () => {
      // The other account's store of 100 chunks: below the threshold too.
      const [other] = await rawRows<{ id: string }>(
        db,
        sql`select vector_store_id as id from fluxcore_vector_store_stats where chunk_count = 100`,
      );
      const stores = [small.id, other?.id ?? ''];
      // A transaction's handle prepares the statement on the transaction's connection, where
      // pg_prepared_statements shows how it was planned.
      const statements = await db.transaction(async (tx) => {
        const normalQ = seeded(11);
        for (let q = 0; q < 8; q++) {
          const vectorStoreId = stores[q % 2] ?? '';
          const embedding = near(normalQ, topics[q % topics.length] ?? [], 0.6);
          const found = await searchChunks(tx, { vectorStoreId, embedding, minScore: 0 });
          const exact = await nearestChunksQuery(tx, {
            vectorStoreId,
            embedding,
            topK: 10,
            exact: true,
          });
          expect(found.map((c) => c.id)).toEqual(exact.map((c) => c.id));
        }
        return rawRows<{ name: string; generic: number; custom: number }>(
          tx,
          sql`select name, generic_plans::int as generic, custom_plans::int as custom
                from pg_prepared_statements where name like 'fluxcore_rag_exact%'`,
        );
      });
      // Five custom plans, then the generic one for every later run (these 8 and any earlier
      // ones on this connection). On this small table the planner would take the generic plan
      // even with the store id in sight; on the bench's 1,000 stores it did not (a 48-chunk
      // store's custom plan looked cheaper every time), which the init plan fixes.
      expect(statements.map((s) => s.name)).toEqual(['fluxcore_rag_exact_1536']);
      expect(statements[0]?.custom).toBe(5);
      expect(statements[0]?.generic).toBeGreaterThanOrEqual(3);
    });

  /** The index path's plan walks the store's own index, and searchChunks keeps recall@10 ≥ 0.95. */
  async function expectOwnIndexWalk(
    store: { id: string; documents: number[][] },
    probe: number[],
    seed: number,
    queries: number,
  ) {
    const statement = searchStatement(
      {
        vectorStoreId: store.id,
        vector: JSON.stringify(probe),
        dimensions: probe.length,
        topK: 10,
      },
      'index',
    );
    expect(await plan(db, statement)).toContain(`Index Scan using ${storeIndexName(store.id)}`);
    const normalQ = seeded(seed);
    let recall = 0;
    for (let q = 0; q < queries; q++) {
      const embedding = near(normalQ, store.documents[q % store.documents.length] ?? [], 0.6);
      const found = await searchChunks(db, { vectorStoreId: store.id, embedding, minScore: 0 });
      const exact = new Set((await exactTop(store.id, embedding)).map((c) => c.id));
      expect(found).toHaveLength(10);
      recall += found.filter((c) => exact.has(c.id)).length / 10;
    }
    expect(recall / queries).toBeGreaterThanOrEqual(0.95);
  }

  test('at or over the threshold the search walks the store’s own index, with recall@10 ≥ 0.95', async () => {
    await expectOwnIndexWalk(large, topics[0] ?? [], 11, 20);
  });

  test('the index path as searchChunks sends it walks the store’s index even where the planner would rather read every row', async () => {
    // With current statistics (the table's extended statistic says every row of the store has
    // the query's dimension), the planner prices reading the whole store and sorting it below
    // the walk of its HNSW index: it leaves the embeddings' out-of-line storage out of the
    // scan's cost. The statements searchChunks sends (one simple query) set enable_sort (and
    // jit) off for themselves, so the walk wins.
    await db.execute(sql`analyze fluxcore_document_chunks`);
    const search = {
      vectorStoreId: large.id,
      vector: JSON.stringify(topics[0]),
      dimensions: embeddingDimensions,
      topK: 10,
    };
    const explained = (statements: SQL[]) =>
      db.transaction(async (tx) => {
        const last = statements.length - 1;
        for (const statement of statements.slice(0, last)) await tx.execute(statement);
        const rows = await rawRows<{ 'QUERY PLAN': string }>(
          tx,
          sql`explain ${statements[last] ?? sql``}`,
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    for (const efSearch of [undefined, 40, 100]) {
      const sent = await explained(indexSearchStatements(search, efSearch));
      expect(sent).toContain(`Index Scan using ${storeIndexName(large.id)}`);
      // The disabled sort's cost would have the server compile the query (JIT) first.
      expect(sent).not.toContain('JIT');
    }
    // Without the setting, the same select reads the store through another path and sorts it.
    const bare = await explained([
      sql`set local hnsw.ef_search = 40`,
      searchStatement(search, 'index'),
    ]);
    expect(bare).not.toContain(storeIndexName(large.id));
  });

  test('chunks of two dimensions: each store searchable at its own, equal to the exact query', async () => {
    await expectOwnIndexWalk(narrow, narrowTopics[0] ?? [], 17, 10);
    const normalQ = seeded(19);
    // The small store holds both widths: a query reads the chunks of its own width, exactly.
    for (const [centre, width] of [
      [smallNarrow[0], narrowDimensions],
      [small.documents[0], embeddingDimensions],
    ] as const) {
      const embedding = near(normalQ, centre ?? [], 0.6);
      const found = await searchChunks(db, {
        vectorStoreId: small.id,
        embedding,
        topK: 100,
        minScore: 0,
      });
      // minScore 0 keeps the chunks pointing the query's way (cosine similarity ≥ 0).
      const exact = (await exactTop(small.id, embedding, 100)).filter((c) => c.distance <= 1);
      expect(found.map((c) => c.id)).toEqual(exact.map((c) => c.id));
      expect(found.length).toBeGreaterThanOrEqual(10);
      expect(embedding.length).toBe(width);
    }
    // A store with no chunks of the query's width returns none (and refuses nothing).
    const none = await searchChunks(db, {
      vectorStoreId: large.id,
      embedding: near(normalQ, smallNarrow[0] ?? [], 0.6),
      minScore: 0,
    });
    expect(none).toEqual([]);
  });

  test('the filters give the rows of an exact query with the same filters, on both paths', async () => {
    // The large store has its own configuration; the small one takes its account's default.
    await db.insert(fluxcoreRagConfigurations).values([
      { vectorStoreId: large.id, retrievalTopK: 7, retrievalMinScore: '0.5' },
      { accountId: account, isDefault: true, retrievalTopK: 12, retrievalMinScore: '0.4' },
    ]);
    const normalQ = seeded(13);
    for (const store of [large, small]) {
      const config = await getEffectiveRagConfig(db, {
        vectorStoreId: store.id,
        accountId: account,
      });
      const cases: ChunkFilters[] = [
        { accountId: account },
        { accountId: otherAccount },
        { fileStatuses: ['completed'] },
        { fileStatuses: ['failed', 'in_progress'] },
        { accountId: account, fileStatuses: ['cancelled'] },
      ];
      for (const filters of cases) {
        const embedding = near(normalQ, store.documents[0] ?? [], 0.6);
        const { topK, minScore } = config.retrieval;
        const found = await searchChunks(db, {
          vectorStoreId: store.id,
          embedding,
          topK,
          minScore,
          ...filters,
        });
        const exact = (await exactTop(store.id, embedding, topK, filters)).filter(
          (c) => 1 - c.distance >= minScore,
        );
        // The index path is approximate: the same rows at recall ≥ 0.95 over these cases
        // would need more queries; on a store of 200 the walk finds them all.
        expect(found.map((c) => c.id)).toEqual(exact.map((c) => c.id));
      }
      expect(config.retrieval.topK).toBe(store === large ? 7 : 12);
    }
  });

  test('a store that shrinks below dropBelow loses its index and is searched exactly again', async () => {
    await db.execute(
      sql`delete from fluxcore_document_chunks where vector_store_id = ${large.id} and chunk_index >= ${thresholds.dropBelow - 10}`,
    );
    const [stats] = await rawRows<{ chunk_count: number }>(
      db,
      sql`select chunk_count from fluxcore_vector_store_stats where vector_store_id = ${large.id}`,
    );
    expect(stats?.chunk_count).toBe(thresholds.dropBelow - 10);
    const changes = await maintainStoreIndexes(migrated.client, { thresholds });
    expect(changes.map((c) => [c.action, c.index])).toEqual([
      ['dropped', storeIndexName(large.id)],
    ]);
    expect(await storeHasOwnIndex(db, large.id)).toBe(false);
    const embedding = near(seeded(3), large.documents[0] ?? [], 0.6);
    const found = await searchChunks(db, { vectorStoreId: large.id, embedding, minScore: 0 });
    expect(found.map((c) => c.id)).toEqual((await exactTop(large.id, embedding)).map((c) => c.id));
  });
});

describe('the thresholds are settings', () => {
  test('defaults, an override, and a mistake as one line', () => {
    expect(readStoreIndexThresholds({})).toEqual({ indexAt: 1_000, dropBelow: 500 });
    expect(
      readStoreIndexThresholds({
        FLUXCORE_RAG_STORE_INDEX_AT: '500',
        FLUXCORE_RAG_STORE_INDEX_DROP_BELOW: '200',
      }),
    ).toEqual({ indexAt: 500, dropBelow: 200 });
    const refused = (() => {
      try {
        readStoreIndexThresholds({ FLUXCORE_RAG_STORE_INDEX_AT: '100' });
      } catch (error) {
        return error as FluxDbError;
      }
    })();
    expect(refused).toBeInstanceOf(FluxDbError);
    expect(refused?.message).toBe(
      'FLUXCORE_RAG_STORE_INDEX_DROP_BELOW must not exceed FLUXCORE_RAG_STORE_INDEX_AT',
    );
  });
});
