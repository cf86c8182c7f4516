import { maintainStoreIndexes, nearestChunksQuery, searchChunks } from '@fluxcore/db';
import { migrate } from '@fluxcore/db/migrator';
import { clusterCentres, clusteredEmbedding, SeededRandom, vectorLiteral } from '../src/data.ts';
import { openMemoryDatabase, projectMigrations } from '../src/databases.ts';

const n = Number(process.argv[2] ?? 2000);
const client = await openMemoryDatabase();
await migrate(client, projectMigrations);
const random = new SeededRandom(1);
const topics = clusterCentres(random, 16, 1536);
const docs = Array.from({ length: n / 100 }, () => clusteredEmbedding(random, topics, 0.8));
const [user, account, store] = [random.uuid(), random.uuid(), random.uuid()];
await client.query(
  `insert into users (id, email, password_hash, name) values ($1, 'a@b.c', 'x', 'a')`,
  [user],
);
await client.query(
  `insert into accounts (id, owner_user_id, username, display_name) values ($1, $2, 'a', 'a')`,
  [account, user],
);
await client.query(
  `insert into fluxcore_vector_stores (id, account_id, name) values ($1, $2, 's')`,
  [store, account],
);
for (let o = 0; o < n; o += 250) {
  const batch = Array.from({ length: 250 }, (_, j) => ({
    i: o + j,
    e: vectorLiteral(clusteredEmbedding(random, docs, 0.6)),
  }));
  await client.query(
    `insert into fluxcore_document_chunks (vector_store_id, file_id, account_id, content, chunk_index, embedding)
    select $2, md5((i / 50)::text)::uuid, $3, 'c', i, e::vector from json_to_recordset($1::json) as r(i int, e text)`,
    [JSON.stringify(batch), store, account],
  );
}
await client.exec('analyze fluxcore_document_chunks');
let t = performance.now();
await maintainStoreIndexes(client, { thresholds: { indexAt: 100, dropBelow: 50 } });
console.log('halfvec build', (performance.now() - t).toFixed(0));
t = performance.now();
await client.exec(
  `create index vec_idx on fluxcore_document_chunks using hnsw ((embedding::vector(1536)) vector_cosine_ops) where vector_store_id = '${store}' and vector_dims(embedding) = 1536`,
);
console.log('vector build', (performance.now() - t).toFixed(0));
const qs = Array.from({ length: 20 }, () => Array.from(clusteredEmbedding(random, docs, 0.6)));
const w = `where vector_store_id = '${store}' and vector_dims(embedding) = 1536`;
const stmts: Record<string, (q: string) => string> = {
  half: (q) =>
    `select id from fluxcore_document_chunks ${w} order by embedding::halfvec(1536) <=> '${q}'::vector::halfvec(1536) limit 10`,
  vec: (q) =>
    `select id from fluxcore_document_chunks ${w} order by embedding::vector(1536) <=> '${q}'::vector(1536) limit 10`,
  exact: (q) =>
    `select id from fluxcore_document_chunks ${w} order by cosine_distance(embedding, '${q}'::vector) limit 10`,
  parse: (q) => `select vector_dims('${q}'::vector)`,
};
const times: Record<string, number[]> = {
  half: [],
  vec: [],
  exact: [],
  parse: [],
  search: [],
  nearestExact: [],
};
for (const q of qs) {
  const lit = vectorLiteral(q);
  for (const k of Object.keys(stmts)) {
    const s = performance.now();
    await client.query(stmts[k]!(lit));
    times[k]!.push(performance.now() - s);
  }
  let s = performance.now();
  await searchChunks(client.db, { vectorStoreId: store, embedding: q, minScore: 0 });
  times.search!.push(performance.now() - s);
  s = performance.now();
  await nearestChunksQuery(client.db, {
    vectorStoreId: store,
    embedding: q,
    topK: 10,
    exact: true,
  });
  times.nearestExact!.push(performance.now() - s);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!.toFixed(2);
console.log(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v)])));
for (const k of ['half', 'vec']) {
  const r = await client.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${stmts[k]!(vectorLiteral(qs[0]!))}`,
  );
  console.log(k, r.map((x) => x['QUERY PLAN']).join('\n'));
}
await client.close();
