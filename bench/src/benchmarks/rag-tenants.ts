/**
 * RAG retrieval for many tenants: one fluxcore_document_chunks table holding the chunks of many
 * vector stores of Zipf-distributed sizes, every store drawing its chunks from 3 of 32 shared
 * topics (so other tenants' chunks lie near). For each size bucket, searchChunks (the path its
 * store's size chose: an exact scan, or the store's own HNSW index) against the exact scan of
 * the same store (the package's exact query: the store's rows through its btree, sorted), on
 * the same queries in the same run, alternated. The exact result is also the truth recall@10
 * is measured against.
 *
 * The schema has no HNSW index over every chunk (the column takes any dimension; each large
 * store has its own). The per-store indexes are built by maintainStoreIndexes after the load,
 * as a deployment runs it; their build time and size are reported. Run on the server and on
 * the embedded database (PGlite), each the same data.
 */
import {
  createDb,
  type DatabaseClient,
  maintainStoreIndexes,
  nearestChunksQuery,
  openSqlSession,
  readStoreIndexThresholds,
  type StoreIndexThresholds,
  searchChunks,
} from '@fluxcore/db';
import { migrate } from '@fluxcore/db/migrator';
import pg from 'pg';
import {
  chunkText,
  clusterCentres,
  clusteredEmbedding,
  SeededRandom,
  vectorLiteral,
} from '../data.ts';
import { bulkLoad, projectMigrations, withMigratedDatabase } from '../databases.ts';
import { formatMs, percentile, rotate } from '../measure.ts';
import type { Benchmark, Context, Row } from '../suite.ts';
import { halfvecRow } from './rag-halfvec.ts';

const dimensions = 1536;
const topK = 10;
const topicCount = 32;
const topicsPerStore = 3;
const chunksPerFile = 50;
const batchRows = 500;

/** The size buckets of the table: the largest store size each holds. */
const buckets = [
  { label: '≤ 100 chunks', max: 100 },
  { label: '101–1,000 chunks', max: 1_000 },
  { label: '1,001–10,000 chunks', max: 10_000 },
  { label: '> 10,000 chunks', max: Number.POSITIVE_INFINITY },
] as const;

interface Store {
  id: string;
  size: number;
  /** The document centres its chunks gather around. */
  documents: Float64Array[];
}

/** Store sizes by Zipf's law (exponent 1): the r-th largest holds about total / (r · H(n)). */
export function zipfSizes(stores: number, total: number): number[] {
  let harmonic = 0;
  for (let r = 1; r <= stores; r++) harmonic += 1 / r;
  return Array.from({ length: stores }, (_, i) =>
    Math.max(1, Math.round(total / ((i + 1) * harmonic))),
  );
}

function makeStores(random: SeededRandom, sizes: number[]): Store[] {
  const topics = clusterCentres(random, topicCount, dimensions);
  return sizes.map((size) => {
    const own = Array.from({ length: topicsPerStore }, () => random.pick(topics));
    const documents = Array.from({ length: Math.max(1, Math.round(size / 100)) }, () =>
      clusteredEmbedding(random, own, 0.8),
    );
    return { id: random.uuid(), size, documents };
  });
}

async function insertOwners(client: DatabaseClient, random: SeededRandom, stores: Store[]) {
  const [user, account] = [random.uuid(), random.uuid()];
  await client.query(
    `insert into users (id, email, password_hash, name) values ($1, 'tenants@bench.test', 'x', 'tenants')`,
    [user],
  );
  await client.query(
    `insert into accounts (id, owner_user_id, username, display_name) values ($1, $2, 'tenants', 'tenants')`,
    [account, user],
  );
  await client.query(
    `insert into fluxcore_vector_stores (id, account_id, name)
     select s, $2, 'store ' || n from unnest($1::uuid[]) with ordinality as t(s, n)`,
    [stores.map((s) => s.id), account],
  );
  return account;
}

async function insertChunks(
  client: DatabaseClient,
  random: SeededRandom,
  store: Store,
  account: string,
) {
  for (let offset = 0; offset < store.size; offset += batchRows) {
    const batch: unknown[] = [];
    for (let i = offset; i < Math.min(store.size, offset + batchRows); i++) {
      batch.push({
        id: random.uuid(),
        chunk_index: i,
        content: chunkText(random),
        token_count: 100 + random.int(150),
        embedding: vectorLiteral(clusteredEmbedding(random, store.documents, 0.6)),
      });
    }
    // One file per 50 chunks: file_id and chunk_index are unique together.
    await client.query(
      `insert into fluxcore_document_chunks
         (id, vector_store_id, file_id, account_id, content, chunk_index, token_count, embedding)
       select id, $2::uuid, md5($2::text || (chunk_index / ${chunksPerFile})::text)::uuid, $3, content,
              chunk_index, token_count, embedding::vector
         from json_to_recordset($1::json)
           as r(id uuid, content text, chunk_index int, token_count int, embedding text)`,
      [JSON.stringify(batch), store.id, account],
    );
  }
}

interface Loaded {
  stores: Store[];
  loadMs: number;
  indexes: { count: number; buildMs: number; bytes: number; chunks: number };
  tableBytesPerChunk: number;
}

/** The stores of the run and the generator that goes on to draw their chunks. */
function storesOf(context: Context) {
  const { ragTenantStores, ragTenantChunks } = context.sizes;
  const random = new SeededRandom(context.seed + 25);
  return { random, stores: makeStores(random, zipfSizes(ragTenantStores, ragTenantChunks)) };
}

async function load(
  client: DatabaseClient,
  context: Context,
  thresholds: StoreIndexThresholds,
  database: Database,
): Promise<Loaded> {
  const { random, stores } = storesOf(context);
  const account = await insertOwners(client, random, stores);
  const start = performance.now();
  let loaded = 0;
  await bulkLoad(client, 'fluxcore_document_chunks', async () => {
    for (const store of stores) {
      await insertChunks(client, random, store, account);
      const before = loaded;
      loaded += store.size;
      if (Math.floor(before / 20_000) !== Math.floor(loaded / 20_000))
        context.log(`  loaded ${loaded.toLocaleString('en')} chunks`);
    }
  });
  // The load ran with triggers off (as a restore does): the counters are recomputed once.
  await client.exec(`insert into fluxcore_vector_store_stats (vector_store_id, chunk_count, embedded_chunk_count, total_tokens)
    select vector_store_id, count(*), count(embedding), sum(token_count) from fluxcore_document_chunks group by 1
    on conflict (vector_store_id) do update set chunk_count = excluded.chunk_count,
      embedded_chunk_count = excluded.embedded_chunk_count, total_tokens = excluded.total_tokens`);
  const loadMs = performance.now() - start;
  return { stores, loadMs, ...(await buildIndexes(client, stores, thresholds, database)) };
}

/** maintainStoreIndexes as a deployment runs it after a load; its time and the sizes. */
async function buildIndexes(
  client: DatabaseClient,
  stores: Store[],
  thresholds: StoreIndexThresholds,
  database: Database,
): Promise<Omit<Loaded, 'stores' | 'loadMs'>> {
  // The HNSW graph of the largest store needs a few hundred MB while it is built (PGlite's
  // WebAssembly memory is smaller).
  await client.exec(`set maintenance_work_mem = '${database === 'server' ? '1GB' : '512MB'}'`);
  const changes = await maintainStoreIndexes(client, { thresholds });
  const [sizes] = await client.query<{ indexes: string; table: string; chunks: string }>(
    `select coalesce(sum(pg_relation_size(i.indexrelid)), 0) as indexes,
            pg_total_relation_size('fluxcore_document_chunks') - coalesce(sum(pg_relation_size(i.indexrelid)), 0) as table,
            (select count(*) from fluxcore_document_chunks) as chunks
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'fluxcore_document_chunks'::regclass and c.relname like 'fluxcore\\_chunks\\_%'`,
  );
  const indexedChunks = stores
    .filter((s) => s.size >= thresholds.indexAt)
    .reduce((sum, s) => sum + s.size, 0);
  return {
    indexes: {
      count: changes.length,
      buildMs: changes.reduce((sum, c) => sum + c.ms, 0),
      bytes: Number(sizes?.indexes ?? 0),
      chunks: indexedChunks,
    },
    tableBytesPerChunk: Number(sizes?.table ?? 0) / Number(sizes?.chunks ?? 1),
  };
}

interface BucketSamples {
  ours: number[];
  exact: number[];
  recall: number[];
  stores: Set<string>;
}

/** Queries drawn per store: a store of the bucket, then a new draw from its documents. */
function drawQueries(random: SeededRandom, stores: Store[], count: number) {
  return Array.from({ length: count }, () => {
    const store = random.pick(stores);
    return { store, embedding: Array.from(clusteredEmbedding(random, store.documents, 0.6)) };
  });
}

async function measureBucket(
  client: DatabaseClient,
  queries: { store: Store; embedding: number[] }[],
): Promise<BucketSamples> {
  const samples: BucketSamples = { ours: [], exact: [], recall: [], stores: new Set() };
  const found: string[][] = [];
  const truth: string[][] = [];
  const timed = async (run: () => Promise<{ id: string }[]>) => {
    const start = performance.now();
    const rows = await run();
    return { ms: performance.now() - start, ids: rows.map((row) => row.id) };
  };
  await rotate(queries.length, {
    ours: async (round) => {
      const { store, embedding } = queries[round] as (typeof queries)[number];
      const run = await timed(() =>
        searchChunks(client.db, { vectorStoreId: store.id, embedding, topK, minScore: 0 }),
      );
      samples.ours.push(run.ms);
      found[round] = run.ids;
    },
    exact: async (round) => {
      const { store, embedding } = queries[round] as (typeof queries)[number];
      const run = await timed(() =>
        nearestChunksQuery(client.db, { vectorStoreId: store.id, embedding, topK, exact: true }),
      );
      samples.exact.push(run.ms);
      truth[round] = run.ids;
    },
  });
  samples.recall = found.map((ids, round) => {
    const exact = new Set(truth[round]);
    return ids.filter((id) => exact.has(id)).length / Math.max(1, exact.size);
  });
  for (const q of queries) samples.stores.add(q.store.id);
  return samples;
}

type Database = Row['database'] & ('server' | 'embedded');

function bucketRow(
  bucket: (typeof buckets)[number],
  stores: Store[],
  samples: BucketSamples,
  thresholds: StoreIndexThresholds,
  database: Database,
): Row {
  const p50 = percentile(samples.ours, 50);
  const exactP50 = percentile(samples.exact, 50);
  const recall = samples.recall.reduce((sum, r) => sum + r, 0) / Math.max(1, samples.recall.length);
  const ratio = p50 / exactP50;
  const limit = bucket.max > 10_000 ? 0.2 : 1.0;
  const met = recall >= 0.95 && ratio <= limit;
  const indexed = stores.filter((s) => s.size >= thresholds.indexAt).length;
  const chunks = stores.reduce((sum, s) => sum + s.size, 0);
  return {
    benchmark: 'rag-tenants',
    what: `RAG top-10, stores of ${bucket.label} (${stores.length} stores, ${chunks.toLocaleString('en')} chunks; ${indexed} with their own HNSW index)`,
    database,
    ours: {
      label: '`searchChunks`',
      value: p50,
      unit: 'ms',
      samples: samples.ours,
      extra: `p95 ${formatMs(percentile(samples.ours, 95))}, recall@10 ${recall.toFixed(3)}`,
    },
    baseline: {
      label: 'exact scan of the store (`nearestChunksQuery` exact)',
      value: exactP50,
      unit: 'ms',
      samples: samples.exact,
      extra: `p95 ${formatMs(percentile(samples.exact, 95))}`,
    },
    ratio,
    ratioOf: 'p50 latency',
    target: { text: `recall@10 ≥ 0.95 at ≤ ${limit.toFixed(1)}× the exact scan's p50`, met },
    note: `${samples.ours.length} queries over ${samples.stores.size} stores, drawn per store. The baseline is the plain exact query, one unnamed statement through drizzle with the embedding as text. searchChunks's exact path is a prepared statement (one generic plan) that fetches each embedding once, its index path an unnamed statement planned for the store; ${database === 'server' ? "the embedding goes in pgvector's binary form" : 'the embedding goes as text too (PGlite)'}`,
    details: { recall: samples.recall },
  };
}

async function run(context: Context): Promise<Row[]> {
  const databases: Database[] = (process.env.FLUXCORE_BENCH_RAG_TENANTS_ON ?? 'server,embedded')
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is Database => d === 'server' || d === 'embedded');
  const rows: Row[] = [];
  for (const database of databases) rows.push(...(await runOn(context, database)));
  return rows;
}

/**
 * FLUXCORE_BENCH_RAG_TENANTS_KEEP=<database name>: the server run loads into a database of
 * that name (fluxcore_…) and keeps it; the next run of the same scale and seed reads the same
 * chunks and indexes from it instead of loading them again (the full scale's load takes
 * minutes). The load and build times reported are the first run's. Drop it when done.
 */
const keepVariable = 'FLUXCORE_BENCH_RAG_TENANTS_KEEP';

type LoadRecord = {
  key: string;
  load_ms: number;
  indexes: Loaded['indexes'];
};

async function withLoadedDatabase<T>(
  context: Context,
  database: Database,
  thresholds: StoreIndexThresholds,
  use: (client: DatabaseClient, loaded: Loaded) => Promise<T>,
): Promise<T> {
  const keep = process.env[keepVariable]?.trim();
  if (database === 'embedded' || !keep) {
    return withMigratedDatabase(context.server, database, 'rag_tenants', async (client) =>
      use(client, await load(client, context, thresholds, database)),
    );
  }
  if (!/^fluxcore_[a-z0-9_]{1,50}$/.test(keep)) {
    throw new Error(
      `${keepVariable} takes a database name of the form fluxcore_<lowercase letters, digits, _>, not "${keep}"`,
    );
  }
  const admin = new pg.Client({ connectionString: context.server.url });
  await admin.connect();
  let exists: boolean;
  try {
    exists =
      (await admin.query('select 1 from pg_database where datname = $1', [keep])).rowCount === 1;
    if (!exists) await admin.query(`create database ${keep}`);
  } finally {
    await admin.end();
  }
  const url = new URL(context.server.url);
  url.pathname = `/${keep}`;
  const config = { ...context.server, url: url.toString() };
  if (!exists) {
    const session = await openSqlSession(config);
    try {
      await migrate(session, projectMigrations);
    } finally {
      await session.close();
    }
  }
  const key = `seed ${context.seed}, ${context.sizes.ragTenantStores} stores, ${context.sizes.ragTenantChunks} chunks`;
  const client = await createDb(config, { poolMax: 1 });
  try {
    let loaded: Loaded;
    if (!exists) {
      loaded = await load(client, context, thresholds, database);
      await client.exec(
        'create table bench_rag_tenants_load (key text primary key, load_ms float8 not null, indexes jsonb not null)',
      );
      await client.query('insert into bench_rag_tenants_load values ($1, $2, $3)', [
        key,
        loaded.loadMs,
        JSON.stringify(loaded.indexes),
      ]);
    } else {
      const [record] = await client
        .query<LoadRecord>('select key, load_ms, indexes from bench_rag_tenants_load')
        .catch(() => [] as LoadRecord[]);
      if (record?.key !== key) {
        throw new Error(
          `the kept database ${keep} holds ${record ? `another run's data (${record.key})` : 'no finished load'}, not ${key}: drop it (drop database ${keep}) or name another in ${keepVariable}`,
        );
      }
      const { stores } = storesOf(context);
      // What the thresholds ask for now: nothing when they are the first run's.
      const built = await buildIndexes(client, stores, thresholds, database);
      context.log(`  reusing ${keep}: loaded and indexed by an earlier run`);
      loaded = {
        stores,
        loadMs: record.load_ms,
        indexes: built.indexes.count > 0 ? built.indexes : { ...built.indexes, ...record.indexes },
        tableBytesPerChunk: built.tableBytesPerChunk,
      };
    }
    return await use(client, loaded);
  } finally {
    await client.close();
  }
}

async function runOn(context: Context, database: Database): Promise<Row[]> {
  const thresholds: StoreIndexThresholds = context.sizes.ragTenantIndexAt
    ? {
        indexAt: context.sizes.ragTenantIndexAt,
        dropBelow: Math.ceil(context.sizes.ragTenantIndexAt / 2),
      }
    : readStoreIndexThresholds(process.env);
  return withLoadedDatabase(context, database, thresholds, async (client, loaded) => {
    const total = loaded.stores.reduce((sum, s) => sum + s.size, 0);
    context.log(
      `  ${database}: ${loaded.stores.length} stores, ${total} chunks loaded in ${formatMs(loaded.loadMs)}; ${loaded.indexes.count} store indexes built in ${formatMs(loaded.indexes.buildMs)}`,
    );
    const random = new SeededRandom(context.seed + 2501);
    const rows: Row[] = [];
    let floor = 0;
    for (const bucket of buckets) {
      const stores = loaded.stores.filter((s) => s.size > floor && s.size <= bucket.max);
      floor = bucket.max;
      if (stores.length === 0) continue;
      const queries = drawQueries(random, stores, context.sizes.ragTenantQueries);
      // Warm up: caches and plans of both paths.
      await measureBucket(client, queries.slice(0, 3));
      const samples = await measureBucket(client, queries);
      rows.push(bucketRow(bucket, stores, samples, thresholds, database));
    }
    const indexed = loaded.stores.filter((s) => s.size >= thresholds.indexAt);
    // FLUXCORE_BENCH_RAG_TENANTS_HALFVEC=0 leaves out the halfvec row (its builds take minutes).
    if (indexed.length > 0 && process.env.FLUXCORE_BENCH_RAG_TENANTS_HALFVEC !== '0') {
      const queries = drawQueries(random, indexed, context.sizes.ragTenantQueries);
      rows.push(await halfvecRow(client, indexed, queries, database));
    }
    rows.push({
      benchmark: 'rag-tenants',
      what: `per-store HNSW index build (${loaded.indexes.count} stores of ≥ ${thresholds.indexAt.toLocaleString('en')} chunks, ${loaded.indexes.chunks.toLocaleString('en')} chunks × ${dimensions}; vector, m 16, ef_construction 64)`,
      database,
      ours: { label: '`maintainStoreIndexes`', value: loaded.indexes.buildMs, unit: 'ms' },
      target: { text: 'report' },
      note: `storage: the per-store indexes ${(loaded.indexes.bytes / Math.max(1, loaded.indexes.chunks)).toFixed(0)} bytes per indexed chunk; the table (heap, TOAST, btrees) ${loaded.tableBytesPerChunk.toFixed(0)} bytes per chunk. No HNSW index spans the stores. Load of ${total.toLocaleString('en')} chunks: ${formatMs(loaded.loadMs)}`,
    });
    return rows;
  });
}

export const ragTenantsBenchmark: Benchmark = {
  id: 'rag-tenants',
  title: 'RAG top-10 retrieval for many tenants, by store size, against the exact scan',
  run,
};
