/**
 * RAG retrieval: the top 10 chunks of a vector store for a query embedding, through the HNSW
 * index (searchChunks, at hnsw.ef_search 40 and 100) against exact search on the same data and
 * the same query shape (nearestChunksQuery with index and bitmap scans off: a sequential scan
 * that computes every distance). Exact search is also the truth recall@10 is measured against.
 *
 * The chunks are 1536-dimensional unit vectors nested in topics and documents (see data.ts);
 * the queries are new draws from the same distribution. After the load (as a restore would),
 * maintainStoreIndexes gives the store its own HNSW index (it is over the threshold; at a
 * smoke's sizes the threshold is lowered to the store's size), and its build time is
 * reported (the schema has no HNSW index over every chunk: each large store has its own).
 */
import {
  type DatabaseClient,
  indexSearchStatements,
  maintainStoreIndexes,
  nearestChunksQuery,
  readStoreIndexThresholds,
  searchChunks,
  storeIndexName,
} from '@fluxcore/db';
import { sql } from 'drizzle-orm';
import {
  chunkText,
  clusterCentres,
  clusteredEmbedding,
  SeededRandom,
  vectorLiteral,
} from '../data.ts';
import { bulkLoad, withMigratedDatabase } from '../databases.ts';
import { formatMs, median, rotate } from '../measure.ts';
import type { Benchmark, Context, Row } from '../suite.ts';

const dimensions = 1536;
const topK = 10;
const efSearches = [40, 100] as const;
const chunksPerFile = 50;
const batchRows = 500;

interface LoadedStore {
  vectorStoreId: string;
  queries: number[][];
  loadMs: number;
  indexBuildMs: number;
}

/**
 * One account, one store, files of 50 chunks. Embeddings: 16 topics, a document centre per
 * 100 chunks inside them (spread 0.8), the chunks around their document (spread 0.6).
 */
async function loadChunks(
  client: DatabaseClient,
  chunks: number,
  queryCount: number,
  seed: number,
  log: (line: string) => void,
): Promise<LoadedStore> {
  const random = new SeededRandom(seed);
  const topics = clusterCentres(random, 16, dimensions);
  const documents = Array.from({ length: Math.max(2, Math.round(chunks / 100)) }, () =>
    clusteredEmbedding(random, topics, 0.8),
  );
  const [user, account, store] = [random.uuid(), random.uuid(), random.uuid()];
  const files = Array.from({ length: Math.ceil(chunks / chunksPerFile) }, () => random.uuid());
  await client.query(
    `insert into users (id, email, password_hash, name) values ($1, 'rag@bench.test', 'x', 'rag')`,
    [user],
  );
  await client.query(
    `insert into accounts (id, owner_user_id, username, display_name) values ($1, $2, 'rag', 'rag')`,
    [account, user],
  );
  await client.query(
    `insert into fluxcore_vector_stores (id, account_id, name) values ($1, $2, 'bench')`,
    [store, account],
  );
  await client.query(
    `insert into fluxcore_files (id, account_id, name, content_hash)
     select f, $2, 'file-' || n, md5(f::text) from unnest($1::uuid[]) with ordinality as t(f, n)`,
    [files, account],
  );
  // The HNSW graph of 50k × 1536 needs a few hundred MB while it is built.
  await client.exec(`set maintenance_work_mem = '1GB'`);
  const start = performance.now();
  await bulkLoad(client, 'fluxcore_document_chunks', async () => {
    for (let offset = 0; offset < chunks; offset += batchRows) {
      const batch: unknown[] = [];
      for (let i = offset; i < Math.min(chunks, offset + batchRows); i++) {
        batch.push({
          id: random.uuid(),
          file_id: files[Math.floor(i / chunksPerFile)],
          chunk_index: i % chunksPerFile,
          content: chunkText(random),
          token_count: 100 + random.int(150),
          embedding: vectorLiteral(clusteredEmbedding(random, documents, 0.6)),
        });
      }
      await client.query(
        `insert into fluxcore_document_chunks
           (id, vector_store_id, file_id, account_id, content, chunk_index, token_count, embedding)
         select id, $2, file_id, $3, content, chunk_index, token_count, embedding::vector
           from json_to_recordset($1::json)
             as r(id uuid, file_id uuid, content text, chunk_index int, token_count int, embedding text)`,
        [JSON.stringify(batch), store, account],
      );
      if ((offset / batchRows) % 20 === 19) log(`  loaded ${offset + batchRows} chunks`);
    }
  });
  // The load ran with triggers off (as a restore does): the store's counters are set once.
  await client.query(
    `insert into fluxcore_vector_store_stats (vector_store_id, chunk_count, embedded_chunk_count)
     values ($1, $2, $2) on conflict (vector_store_id) do update set chunk_count = $2, embedded_chunk_count = $2`,
    [store, chunks],
  );
  const loadMs = performance.now() - start;
  const settings = readStoreIndexThresholds(process.env);
  const thresholds = chunks >= settings.indexAt ? settings : { indexAt: chunks, dropBelow: chunks };
  const changes = await maintainStoreIndexes(client, { thresholds });
  const queries = Array.from({ length: queryCount }, () =>
    Array.from(clusteredEmbedding(random, documents, 0.6)),
  );
  return {
    vectorStoreId: store,
    queries,
    loadMs,
    indexBuildMs: changes.find((c) => c.index === storeIndexName(store))?.ms ?? Number.NaN,
  };
}

/** Exact top-k: the package's own query, with every index path turned off for it. */
function exactSearch(client: DatabaseClient, vectorStoreId: string, embedding: number[]) {
  return client.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    return nearestChunksQuery(tx, { vectorStoreId, embedding, topK });
  });
}

/**
 * Whether searchChunks' index path (its statements: the settings it sets for itself, then the
 * search) reads the store's HNSW index at ef_search 40, or (`exact`) whether the exact
 * baseline does, with index scans off.
 */
async function usesHnsw(
  client: DatabaseClient,
  vectorStoreId: string,
  embedding: number[],
  exact = false,
): Promise<boolean> {
  const query = `'${vectorLiteral(embedding)}'::vector`;
  const statements = exact
    ? [
        sql`set local enable_indexscan = off`,
        sql`set local enable_bitmapscan = off`,
        sql.raw(`select id from fluxcore_document_chunks
          where vector_store_id = '${vectorStoreId}' and vector_dims(embedding) = ${dimensions}
          order by embedding <=> ${query} limit ${topK}`),
      ]
    : indexSearchStatements(
        { vectorStoreId, vector: JSON.stringify(embedding), dimensions, topK },
        40,
      );
  return client.db.transaction(async (tx) => {
    for (const statement of statements.slice(0, -1)) await tx.execute(statement);
    const plan = await tx.execute(sql`explain ${statements.at(-1) ?? sql``}`);
    return JSON.stringify((plan as unknown as { rows: unknown[] }).rows).includes(
      storeIndexName(vectorStoreId),
    );
  });
}

interface Measured {
  exact: number[];
  hnsw: Record<(typeof efSearches)[number], { ms: number[]; recall: number[] }>;
}

async function measure(client: DatabaseClient, store: LoadedStore): Promise<Measured> {
  const measured: Measured = {
    exact: [],
    hnsw: { 40: { ms: [], recall: [] }, 100: { ms: [], recall: [] } },
  };
  const truth: string[][] = [];
  const timedIds = async (run: () => Promise<{ id: string }[]>) => {
    const start = performance.now();
    const rows = await run();
    return { ms: performance.now() - start, ids: rows.map((row) => row.id) };
  };
  // Warm up: caches, plans and the graph's upper layers.
  for (const embedding of store.queries.slice(0, 2)) {
    await exactSearch(client, store.vectorStoreId, embedding);
    await searchChunks(client.db, { vectorStoreId: store.vectorStoreId, embedding, topK });
  }
  const found: Record<(typeof efSearches)[number], string[][]> = { 40: [], 100: [] };
  const hnsw = (efSearch: (typeof efSearches)[number]) => async (round: number) => {
    const run = await timedIds(() =>
      searchChunks(client.db, {
        vectorStoreId: store.vectorStoreId,
        embedding: store.queries[round] ?? [],
        topK,
        minScore: 0,
        // 40 is pgvector's default: the search is then one statement, with no settings.
        ...(efSearch === 40 ? {} : { efSearch }),
      }),
    );
    measured.hnsw[efSearch].ms.push(run.ms);
    found[efSearch][round] = run.ids;
  };
  await rotate(store.queries.length, {
    exact: async (round) => {
      const run = await timedIds(() =>
        exactSearch(client, store.vectorStoreId, store.queries[round] ?? []),
      );
      measured.exact.push(run.ms);
      truth[round] = run.ids;
    },
    ef40: hnsw(40),
    ef100: hnsw(100),
  });
  for (const ef of efSearches) {
    measured.hnsw[ef].recall = found[ef].map((ids, round) => {
      const exact = new Set(truth[round]);
      return ids.filter((id) => exact.has(id)).length / topK;
    });
  }
  return measured;
}

async function rows(
  client: DatabaseClient,
  database: Row['database'],
  chunks: number,
  store: LoadedStore,
): Promise<Row[]> {
  const probe = store.queries[0] ?? [];
  const planned = {
    hnsw: await usesHnsw(client, store.vectorStoreId, probe),
    exact: await usesHnsw(client, store.vectorStoreId, probe, true),
  };
  if (planned.exact) throw new Error('the exact search reads the HNSW index: no baseline');
  // On a small table the planner may rightly read every row instead: then ours is exact too.
  const planNote = planned.hnsw
    ? ''
    : '; at this size the planner reads every row instead of the index (ours is an exact search too)';
  const measured = await measure(client, store);
  const size = `${chunks.toLocaleString('en')} chunks × ${dimensions}`;
  const exactMs = median(measured.exact);
  const result: Row[] = efSearches.map((ef) => {
    const ms = median(measured.hnsw[ef].ms);
    const recall =
      measured.hnsw[ef].recall.reduce((sum, r) => sum + r, 0) /
      Math.max(1, measured.hnsw[ef].recall.length);
    const ratio = ms / exactMs;
    const met = recall >= 0.95 && ratio <= 0.1;
    const limits: string[] = [];
    if (recall < 0.95) {
      limits.push(
        `recall: at ef_search ${ef} the graph walk keeps too few candidates for chunks this close together (nearest neighbours within a document differ by a few hundredths of cosine); raise ef_search`,
      );
    }
    if (ratio > 0.1) {
      limits.push(
        planned.hnsw
          ? `latency: exact search over ${chunks.toLocaleString('en')} rows takes only ${formatMs(exactMs)}, and the index's fixed cost (the settings sent with the search, the graph walk) does not shrink with the table`
          : 'latency: both sides run the same sequential scan; the index only pays off on larger stores',
      );
    }
    return {
      benchmark: 'rag',
      what: `RAG top-10 over ${size}, HNSW ef_search ${ef}`,
      database,
      ours: {
        label: `\`searchChunks\` ef_search ${ef}`,
        value: ms,
        unit: 'ms',
        samples: measured.hnsw[ef].ms,
        extra: `recall@10 ${recall.toFixed(3)}`,
      },
      baseline: {
        label: 'exact (sequential scan)',
        value: exactMs,
        unit: 'ms',
        samples: measured.exact,
      },
      ratio,
      ratioOf: 'p50 latency',
      target: { text: 'recall@10 ≥ 0.95 at ≤ 0.1× exact latency', met },
      note: `${measured.exact.length} queries${planNote}${limits.length ? `. Limit: ${limits.join('; ')}` : ''}`,
      details: { recall: measured.hnsw[ef].recall, indexUsed: planned.hnsw },
    };
  });
  result.push({
    benchmark: 'rag',
    what: `the store's own HNSW index build over ${size} (m 16, ef_construction 64)`,
    database,
    ours: { label: 'create index', value: store.indexBuildMs, unit: 'ms' },
    target: { text: 'report' },
    note: `maintainStoreIndexes, after a bulk load of ${formatMs(store.loadMs)}`,
  });
  return result;
}

function onDatabase(context: Context, kind: Row['database'] & ('server' | 'embedded')) {
  return withMigratedDatabase(context.server, kind, 'rag', async (client) => {
    const chunks = kind === 'server' ? context.sizes.ragChunks : context.sizes.ragEmbeddedChunks;
    const store = await loadChunks(
      client,
      chunks,
      context.sizes.ragQueries,
      context.seed,
      context.log,
    );
    context.log(
      `  ${kind}: ${chunks} chunks loaded in ${formatMs(store.loadMs)}, HNSW built in ${formatMs(store.indexBuildMs)}`,
    );
    return rows(client, kind, chunks, store);
  });
}

export const ragBenchmark: Benchmark = {
  id: 'rag',
  title: 'RAG top-10 retrieval, HNSW against exact',
  run: async (context) => [
    ...(await onDatabase(context, 'server')),
    ...(await onDatabase(context, 'embedded')),
  ],
};
