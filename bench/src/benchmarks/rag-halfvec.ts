/**
 * `halfvec` for the per-store indexes, measured (issue 25, item 6): for the stores that have
 * their own index (the package's: HNSW over `embedding::vector(1536)`, 4 bytes a component),
 * a second partial HNSW index over `embedding::halfvec(1536)` (2 bytes a component), and the
 * same queries through each, in one statement of the same shape, alternated. Reported: p50
 * latency, recall@10 against the exact result, build time and size. The package would take
 * halfvec only if it won (recall ≥ 0.95, as fast or faster, smaller). The halfvec indexes
 * built here are dropped afterwards.
 */
import { type DatabaseClient, storeIndexName } from '@fluxcore/db';
import { vectorLiteral } from '../data.ts';
import { formatMs, percentile, rotate } from '../measure.ts';
import type { Row } from '../suite.ts';

const dimensions = 1536;
const topK = 10;

const halfvecIndex = (storeId: string) => storeIndexName(storeId).replace(/_hnsw$/, '_half');

function binary(embedding: readonly number[]): Buffer {
  const buffer = Buffer.alloc(4 + 4 * embedding.length);
  buffer.writeInt16BE(embedding.length, 0);
  for (const [i, value] of embedding.entries()) buffer.writeFloatBE(value, 4 + 4 * i);
  return buffer;
}

const where = `where vector_store_id = $1 and vector_dims(embedding) = ${dimensions}`;
const statements = {
  vector: `select id from fluxcore_document_chunks ${where}
           order by embedding::vector(${dimensions}) <=> $2::vector(${dimensions}) limit ${topK}`,
  halfvec: `select id from fluxcore_document_chunks ${where}
            order by embedding::halfvec(${dimensions}) <=> $2::vector::halfvec(${dimensions}) limit ${topK}`,
  exact: `select id from fluxcore_document_chunks ${where}
          order by cosine_distance(embedding, $2::vector) limit ${topK}`,
};

async function sizeOf(client: DatabaseClient, names: string[]): Promise<number> {
  const [row] = await client.query<{ bytes: string }>(
    `select coalesce(sum(pg_relation_size(to_regclass(n))), 0) as bytes from unnest($1::text[]) n`,
    [names],
  );
  return Number(row?.bytes ?? 0);
}

async function buildHalfvecIndexes(client: DatabaseClient, stores: { id: string }[]) {
  const start = performance.now();
  for (const store of stores) {
    await client.exec(
      `create index ${halfvecIndex(store.id)} on fluxcore_document_chunks
         using hnsw ((embedding::halfvec(${dimensions})) halfvec_cosine_ops)
         with (m = 16, ef_construction = 64) where vector_store_id = '${store.id}' and vector_dims(embedding) = ${dimensions}`,
    );
  }
  return performance.now() - start;
}

export async function halfvecRow(
  client: DatabaseClient,
  stores: { id: string; size: number }[],
  queries: { store: { id: string }; embedding: number[] }[],
  database: Row['database'],
): Promise<Row> {
  const buildMs = await buildHalfvecIndexes(client, stores);
  await client.exec('analyze fluxcore_document_chunks');
  const bytes = {
    halfvec: await sizeOf(
      client,
      stores.map((s) => halfvecIndex(s.id)),
    ),
    vector: await sizeOf(
      client,
      stores.map((s) => storeIndexName(s.id)),
    ),
  };
  const ms = { vector: [] as number[], halfvec: [] as number[] };
  const found = { vector: [] as string[][], halfvec: [] as string[][] };
  const truth: string[][] = [];
  const run = (kind: keyof typeof statements) => async (round: number) => {
    const { store, embedding } = queries[round] as (typeof queries)[number];
    const vector = database === 'server' ? binary(embedding) : vectorLiteral(embedding);
    const t = performance.now();
    const rows = await client.query<{ id: string }>(statements[kind], [store.id, vector]);
    const elapsed = performance.now() - t;
    const ids = rows.map((r) => r.id);
    if (kind === 'exact') truth[round] = ids;
    else {
      ms[kind].push(elapsed);
      found[kind][round] = ids;
    }
  };
  await rotate(queries.length, {
    vector: run('vector'),
    halfvec: run('halfvec'),
    exact: run('exact'),
  });
  const recall = (kind: 'vector' | 'halfvec') =>
    found[kind]
      .map((ids, round) => {
        const exact = new Set(truth[round]);
        return ids.filter((id) => exact.has(id)).length / Math.max(1, exact.size);
      })
      .reduce((sum, r) => sum + r, 0) / Math.max(1, queries.length);
  for (const store of stores) await client.exec(`drop index ${halfvecIndex(store.id)}`);
  const chunks = stores.reduce((sum, s) => sum + s.size, 0);
  const p50 = { vector: percentile(ms.vector, 50), halfvec: percentile(ms.halfvec, 50) };
  const wins =
    recall('halfvec') >= 0.95 && p50.halfvec <= p50.vector && bytes.halfvec < bytes.vector;
  return {
    benchmark: 'rag-tenants',
    what: `halfvec per-store indexes against the vector ones kept (${stores.length} stores, ${chunks.toLocaleString('en')} chunks)`,
    database,
    ours: {
      label: 'halfvec index',
      value: p50.halfvec,
      unit: 'ms',
      samples: ms.halfvec,
      extra: `recall@10 ${recall('halfvec').toFixed(3)}, ${(bytes.halfvec / chunks).toFixed(0)} bytes a chunk`,
    },
    baseline: {
      label: 'vector index (kept)',
      value: p50.vector,
      unit: 'ms',
      samples: ms.vector,
      extra: `recall@10 ${recall('vector').toFixed(3)}, ${(bytes.vector / chunks).toFixed(0)} bytes a chunk`,
    },
    ratio: p50.halfvec / p50.vector,
    ratioOf: 'p50 latency',
    target: { text: 'report (kept only if it wins: recall ≥ 0.95, as fast or faster, smaller)' },
    note: `${queries.length} queries; halfvec build ${formatMs(buildMs)}; ${wins ? 'halfvec wins here' : 'halfvec does not win here'}`,
  };
}
