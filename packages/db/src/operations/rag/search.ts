/**
 * Retrieval for RAG: the chunks of one vector store nearest to a query embedding by cosine
 * distance. The path depends on the store's size (see store-indexes.ts): a small store is
 * read exactly through its btree on vector_store_id and sorted; a large store has an HNSW
 * index of its own (partial, `where vector_store_id = … and vector_dims(embedding) = N`, on
 * `embedding::vector(N)`) that walks only its chunks. The column takes embeddings of any
 * dimension: a search reads the store's chunks of its query's dimension.
 */
import {
  and,
  cosineDistance,
  eq,
  inArray,
  isNotNull,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database, Transaction } from '../../connection/client.ts';
import {
  acceptsBinaryParams,
  jsonOf,
  preparedMapped,
  simpleArrayRows,
  unnamedArrayRows,
} from '../../connection/prepared.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import {
  type DocumentChunkMetadata,
  fluxcoreDocumentChunks,
  fluxcoreVectorStoreFiles,
  storeIndexExpression,
  storeIndexName,
  storeIndexNamePattern,
  storeIndexType,
  type VectorStoreFileStatus,
  vectorStoreFileStatuses,
} from '../../schema/index.ts';

/**
 * The defaults of a RAG configuration (fluxcore_rag_configurations: top_k 10, min_score 0.3)
 * and pgvector's default `hnsw.ef_search` (40), which a search uses unless it sets its own.
 */
export const chunkSearchDefaults = { topK: 10, minScore: 0.3, efSearch: 40 } as const;

/** The widest vector pgvector stores. */
export const vectorMaxDimensions = 16_000;

const searchParams = z.object({
  // Any id PostgreSQL's uuid takes (z.guid()), not only RFC 9562 ones.
  vectorStoreId: z.guid(),
  // Checked by a loop, not an element schema: zod's per-element check costs more than a small
  // store's whole search.
  // pgvector's vector takes 1 to 16,000 dimensions.
  embedding: z
    .array(z.unknown())
    .min(1)
    .max(vectorMaxDimensions)
    .refine((values) => values.every(Number.isFinite), 'must hold finite numbers only')
    .transform((values) => values as number[]),
  topK: z.number().int().min(1).max(100).default(chunkSearchDefaults.topK),
  minScore: z.number().min(0).max(1).default(chunkSearchDefaults.minScore),
  /**
   * Candidates an HNSW walk keeps: higher finds more of the true nearest, slower. Unset, the
   * session's `hnsw.ef_search` applies (pgvector's 40, or what the database sets); set, a
   * `set local` before the search, in the same round trip.
   */
  efSearch: z.number().int().min(1).max(1000).optional(),
  /** Only the chunks of this account (the original filters by account and store). */
  accountId: z.guid().optional(),
  /** Only the chunks of files whose membership in the store has one of these statuses. */
  fileStatuses: z.array(z.enum(vectorStoreFileStatuses)).min(1).optional(),
});

export type ChunkSearchParams = z.input<typeof searchParams>;

export interface ChunkMatch {
  id: string;
  fileId: string;
  chunkIndex: number;
  content: string;
  /** Null where the writer left it null (the original's column is nullable). */
  metadata: DocumentChunkMetadata | null;
  /** Cosine similarity, 1 − cosine distance: 1 for the same direction. */
  score: number;
}

export interface ChunkFilters {
  accountId?: string;
  fileStatuses?: VectorStoreFileStatus[];
}

/** A value of a search, or (in a prepared statement) the placeholder it is bound to. */
type Bound<T> = T | Placeholder;

/** The membership's status among these: a list of values, or one array bound to a placeholder. */
function statusIn(statuses: Bound<readonly string[]>): SQL {
  const status = fluxcoreVectorStoreFiles.status;
  return Array.isArray(statuses)
    ? sql`${inArray(status, [...statuses])}`
    : sql`${status} = any(${statuses}::varchar[])`;
}

/**
 * The rows a search may return: the store's chunks embedded at the query's dimension (a
 * literal, so the planner proves a store index's predicate from it), narrowed by the filters.
 * `dimensions: false` leaves the dimension out (the exact statement tests it once per row on
 * the embedding it reads once).
 */
function chunkConditions(
  vectorStoreId: Bound<string> | SQL,
  dimensions: number | false,
  filters: { accountId?: Bound<string>; fileStatuses?: Bound<readonly string[]> },
): SQL | undefined {
  const c = fluxcoreDocumentChunks;
  const f = fluxcoreVectorStoreFiles;
  return and(
    eq(c.vectorStoreId, vectorStoreId),
    isNotNull(c.embedding),
    dimensions === false
      ? undefined
      : sql`vector_dims(${c.embedding}) = ${sql.raw(String(Math.trunc(dimensions)))}`,
    filters.accountId ? eq(c.accountId, filters.accountId) : undefined,
    filters.fileStatuses
      ? sql`exists (select 1 from ${f} where ${f.vectorStoreId} = ${c.vectorStoreId} and ${f.fileId} = ${c.fileId} and ${statusIn(filters.fileStatuses)})`
      : undefined,
  );
}

/**
 * The k chunks of one store nearest to the embedding, nearest first (no score filter). Its
 * ORDER BY is the `<=>` operator, which an HNSW index serves; `exact` orders by pgvector's
 * `cosine_distance()` function instead (the same value), which no index serves, so the store's
 * rows are read through its btree and sorted: the exact answer.
 */
export function nearestChunksQuery(
  db: Database | Transaction,
  params: {
    vectorStoreId: string;
    embedding: number[];
    topK: number;
    exact?: boolean;
  } & ChunkFilters,
) {
  const distance = params.exact
    ? sql`cosine_distance(${fluxcoreDocumentChunks.embedding}, ${JSON.stringify(params.embedding)}::vector)`
    : cosineDistance(fluxcoreDocumentChunks.embedding, params.embedding);
  return (
    db
      .select({
        id: fluxcoreDocumentChunks.id,
        fileId: fluxcoreDocumentChunks.fileId,
        chunkIndex: fluxcoreDocumentChunks.chunkIndex,
        content: fluxcoreDocumentChunks.content,
        metadata: fluxcoreDocumentChunks.metadata,
        distance: sql<number>`${distance}`.mapWith(Number).as('distance'),
      })
      .from(fluxcoreDocumentChunks)
      .where(chunkConditions(params.vectorStoreId, params.embedding.length, params))
      // By the output column's name: the embedding is sent (and parsed) once.
      .orderBy(sql`distance`)
      .limit(params.topK)
  );
}

/** A row of searchStatement: id, file_id, chunk_index, content, metadata, distance. */
type SearchRow = [string, string, number, string, unknown, number | string];

/**
 * The exact search: the store's rows through the btree on vector_store_id, each embedding
 * read once (`vector(embedding, -1, false)`, pgvector's typmod cast with no typmod, hands the
 * detoasted value up from a subquery that `offset 0` keeps apart), its dimension tested and
 * its distance taken on that copy, the k nearest kept by a top-k sort. Written plainly
 * (`where vector_dims(embedding) = N order by cosine_distance(embedding, q)`), each
 * embedding, stored out of line (TOAST), is fetched twice: once per function.
 */
function exactSearchSql(params: {
  vectorStoreId: Bound<string>;
  vector: Bound<string | Buffer>;
  dimensions: number;
  topK: Bound<number>;
  accountId?: Bound<string>;
  fileStatuses?: Bound<readonly string[]>;
}): SQL {
  const c = fluxcoreDocumentChunks;
  // The store id as an init plan's value: the planner sees it in no plan, so the plan is the
  // same for every store (the btree on vector_store_id and a top-k sort) and a prepared
  // statement keeps one generic plan after its first five; with the id in sight it would
  // plan every call anew (a small store's custom plan always looks cheaper than the generic).
  const store = sql`(select ${params.vectorStoreId}::uuid)`;
  const where = chunkConditions(store, false, params);
  return sql`select id, file_id, chunk_index, content, metadata,
      cosine_distance(e, ${params.vector}::vector) as distance
    from (select ${c.id}, ${c.fileId}, ${c.chunkIndex}, ${c.content}, ${c.metadata},
            vector(${c.embedding}, -1, false) as e
            from ${c} where ${where} offset 0) chunks
    where vector_dims(e) = ${sql.raw(String(Math.trunc(params.dimensions)))}
    order by distance limit ${params.topK}`;
}

/**
 * The search as one statement, on one of two paths:
 * - `index`: the k nearest by `embedding::vector(N) <=> query`, which the store's own HNSW
 *   index serves (the planner proves the partial index's predicate from the store id, which
 *   an unnamed statement is planned with, and the literal dimension), then those k ordered by
 *   their exact distance (the same with a vector index; with another type, its rounding is
 *   undone here);
 * - `exact`: ordered by `cosine_distance()`, which no HNSW index serves: the store's rows are
 *   read through the btree on vector_store_id and sorted (exactSearchSql).
 * Both order by an output column, so the embedding is parsed once per use.
 */
export function searchStatement(
  params: {
    vectorStoreId: string;
    vector: string | Buffer;
    dimensions: number;
    topK: number;
  } & ChunkFilters,
  path: 'index' | 'exact',
): SQL {
  if (path === 'exact') return exactSearchSql(params);
  const c = fluxcoreDocumentChunks;
  const where = chunkConditions(params.vectorStoreId, params.dimensions, params);
  const columns = sql`${c.id}, ${c.fileId}, ${c.chunkIndex}, ${c.content}, ${c.metadata}`;
  const indexed = sql.raw(storeIndexExpression(params.dimensions));
  const typed = sql.raw(`${storeIndexType}(${Math.trunc(params.dimensions)})`);
  // The query is parsed once (a materialized CTE, read as an init plan by both distances).
  return sql`with q as materialized (select ${params.vector}::vector as v)
    select id, file_id, chunk_index, content, metadata,
      cosine_distance(embedding, (select v from q)) as distance
    from (select ${columns}, ${c.embedding}
            from ${c} where ${where}
            order by ${indexed} <=> (select v::${typed} from q) limit ${params.topK}) nearest
    order by distance`;
}

const dialect = new PgDialect();

/**
 * The exact search as a prepared statement of the handle, one per dimension and set of
 * filters: a server parses it once per connection and, after five runs, keeps one generic
 * plan (the store's btree and a top-k sort, the same for any store), where an unnamed
 * statement is planned on every call, weighing every per-store partial index of the table
 * each time (for a store of 50 chunks, planning took as long as running it).
 */
function exactSearch(
  db: Database | Transaction,
  dimensions: number,
  filters: { account: boolean; statuses: boolean },
) {
  const n = Math.trunc(dimensions);
  const name = `fluxcore_rag_exact_${n}${filters.account ? '_account' : ''}${filters.statuses ? '_statuses' : ''}`;
  return preparedMapped(
    db,
    name,
    () => ({
      toSQL: () =>
        dialect.sqlToQuery(
          exactSearchSql({
            vectorStoreId: sql.placeholder('vectorStoreId'),
            vector: sql.placeholder('vector'),
            dimensions: n,
            topK: sql.placeholder('topK'),
            accountId: filters.account ? sql.placeholder('accountId') : undefined,
            fileStatuses: filters.statuses ? sql.placeholder('fileStatuses') : undefined,
          }),
        ),
    }),
    (rows) => rows as SearchRow[],
  );
}

/** How long a handle trusts its list of the stores with an index of their own. */
export const storeIndexListMs = 5_000;

const storeIndexLists = new WeakMap<object, { readAt: number; dimensions: Map<string, number> }>();

/**
 * The dimension of the store's own valid index, or undefined, from a list of them each handle
 * reads at most every storeIndexListMs (a transaction reads its own). A list a little out of
 * date costs speed, never results: a store indexed since runs the exact scan, and a store
 * whose index was dropped since runs the same query without it (the btree and a sort).
 */
export async function storeIndexDimensions(
  db: Database | Transaction,
  vectorStoreId: string,
): Promise<number | undefined> {
  const cached = storeIndexLists.get(db);
  const now = performance.now();
  let dimensions = cached && now - cached.readAt < storeIndexListMs ? cached.dimensions : undefined;
  if (!dimensions) {
    const rows = await unnamedArrayRows(
      db,
      sql`select i.relname, (regexp_match(pg_get_expr(x.indpred, x.indrelid), 'vector_dims[(]embedding[)] = ([0-9]+)'))[1]
            from pg_catalog.pg_index x join pg_catalog.pg_class i on i.oid = x.indexrelid
          where x.indrelid = to_regclass('public.fluxcore_document_chunks') and x.indisvalid
            and i.relname ~ ${storeIndexNamePattern}`,
    );
    dimensions = new Map(
      rows.filter((row) => row[1] != null).map((row) => [String(row[0]), Number(row[1])]),
    );
    storeIndexLists.set(db, { readAt: now, dimensions });
  }
  return dimensions.get(storeIndexName(vectorStoreId));
}

/** Whether the store has a valid index of its own (of any dimension). */
export async function storeHasOwnIndex(
  db: Database | Transaction,
  vectorStoreId: string,
): Promise<boolean> {
  return (await storeIndexDimensions(db, vectorStoreId)) !== undefined;
}

/** Forgets what every handle knows of the per-store indexes (after maintainStoreIndexes). */
export function forgetStoreIndexLists(db: Database | Transaction): void {
  storeIndexLists.delete(db);
}

/**
 * pgvector's binary form (vector_recv): the dimension count and a reserved word as 16-bit
 * integers, then each component as a 32-bit float, big-endian. A quarter of the text's bytes,
 * and the server parses no decimal text (for 1536 dimensions, most of a small store's search).
 */
export function vectorBinary(embedding: readonly number[]): Buffer {
  const buffer = Buffer.alloc(4 + 4 * embedding.length);
  buffer.writeInt16BE(embedding.length, 0);
  for (const [i, value] of embedding.entries()) buffer.writeFloatBE(value, 4 + 4 * i);
  return buffer;
}

/**
 * The statements of the index path, sent together as one simple query (one round trip, one
 * implicit transaction): `set local enable_sort = off` and `jit = off`, then `hnsw.ef_search`
 * if given, then the search. The store's index was chosen for it by its size, but the planner weighs it
 * against reading every row of the store and sorting them, and that plan's cost leaves out
 * the embeddings stored out of line (TOAST): at ef_search 40 on a table that is one store of
 * 10,000 chunks, it chose the sequential scan and a sort (10–100 times slower). With sorts
 * costed as disabled, the one plan that needs none, the walk of the store's index, wins; the
 * k rows it yields are still sorted by their exact distance (a sort with no other way).
 */
export function indexSearchStatements(
  search: Parameters<typeof searchStatement>[0],
  efSearch?: number,
): SQL[] {
  return [
    sql`set local enable_sort = off`,
    // A disabled plan's cost (10^10) is far above jit_above_cost: the server would compile the
    // query (about 160 ms of inlining and optimizing) for a walk of a few milliseconds.
    sql`set local jit = off`,
    ...(efSearch === undefined
      ? []
      : [sql.raw(`set local hnsw.ef_search = ${Math.trunc(efSearch)}`)]),
    searchStatement(search, 'index'),
  ];
}

/**
 * The index path (see indexSearchStatements). On a handle that is a transaction, the same
 * settings are set with set_config for the search alone and put back after it (three
 * statements, in a savepoint of the caller's transaction).
 */
async function indexSearch(
  db: Database | Transaction,
  params: { vectorStoreId: string; embedding: number[]; topK: number } & ChunkFilters,
  efSearch: number | undefined,
): Promise<SearchRow[]> {
  const { embedding, ...rest } = params;
  // Every value is checked (parseParams): a uuid, finite numbers, statuses of the enum.
  const search = { ...rest, dimensions: embedding.length, vector: JSON.stringify(embedding) };
  const rows = await simpleArrayRows(db, indexSearchStatements(search, efSearch));
  if (rows) return rows as SearchRow[];
  return db.transaction(async (tx) => {
    const ef = efSearch === undefined ? null : String(efSearch);
    const [before] = await unnamedArrayRows(
      tx,
      // Named columns: a handle without a registered driver reads rows as objects.
      sql`select current_setting('enable_sort') as sort, current_setting('hnsw.ef_search', true) as ef,
            current_setting('jit') as jit, set_config('enable_sort', 'off', true) as sort_off,
            set_config('jit', 'off', true) as jit_off,
            case when ${ef}::text is not null then set_config('hnsw.ef_search', ${ef}::text, true) end as ef_set`,
    );
    const found = (await unnamedArrayRows(tx, searchStatement(search, 'index'))) as SearchRow[];
    await tx.execute(
      sql`select set_config('enable_sort', ${String(before?.[0])}, true) as sort,
            set_config('jit', ${String(before?.[2])}, true) as jit,
            case when ${ef}::text is not null and ${before?.[1] ?? null}::text is not null
              then set_config('hnsw.ef_search', ${before?.[1] ?? null}::text, true) end`,
    );
    return found;
  });
}

async function runSearch(
  db: Database | Transaction,
  params: { vectorStoreId: string; embedding: number[]; topK: number } & ChunkFilters,
  indexed: boolean,
  efSearch?: number,
): Promise<SearchRow[]> {
  const exact = () => {
    const { embedding, ...rest } = params;
    const search = {
      ...rest,
      dimensions: embedding.length,
      vector: acceptsBinaryParams(db) ? vectorBinary(embedding) : JSON.stringify(embedding),
    };
    return exactSearch(db, search.dimensions, {
      account: search.accountId !== undefined,
      statuses: search.fileStatuses !== undefined,
    }).execute(search);
  };
  if (!indexed) return exact();
  const rows = await indexSearch(db, params, efSearch);
  // The walk of the store's index keeps ef_search candidates: when the filters removed so many
  // that fewer than k remain, or k exceeds ef_search, the exact scan answers instead (fewer
  // than k rows from it means the store has no more).
  if (rows.length < params.topK) return exact();
  return rows;
}

function parseParams(params: ChunkSearchParams) {
  const parsed = searchParams.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new FluxDbError(
    'INVALID_INPUT',
    `chunk search ${issue?.path.join('.') || 'parameters'}: ${issue?.message ?? 'invalid'}`,
    `Pass a store id, an embedding of 1 to ${vectorMaxDimensions} finite numbers, topK 1–100, minScore 0–1, efSearch 1–1000, and optionally an account id and file statuses`,
  );
}

/**
 * The top-k chunks of one store whose score reaches `minScore`, best first.
 *
 * One round trip: the exact scan is one prepared statement; the index path is one simple query
 * that sets, for itself alone, `enable_sort = off` (so the planner walks the store's index,
 * see indexSearchStatements) and, if `efSearch` is given, `hnsw.ef_search` (at least k).
 * The top k by distance are taken first and filtered by score after:
 * the same rows as filtering first (the score falls as the distance grows), and the index can
 * order them.
 */
export async function searchChunks(
  db: Database | Transaction,
  params: ChunkSearchParams,
): Promise<ChunkMatch[]> {
  const { efSearch, minScore, ...search } = parseParams(params);
  // The store's index serves a query of its dimension only; any other runs the exact scan.
  const indexed =
    (await storeIndexDimensions(db, search.vectorStoreId)) === search.embedding.length;
  // ef_search matters only to an index walk.
  const ef = efSearch === undefined ? undefined : Math.max(efSearch, search.topK);
  const rows = await runSearch(db, search, indexed, ef);
  return rows
    .map(([id, fileId, chunkIndex, content, metadata, distance]) => ({
      id,
      fileId,
      chunkIndex,
      content,
      metadata: jsonOf<DocumentChunkMetadata>(metadata),
      score: 1 - Number(distance),
    }))
    .filter((chunk) => chunk.score >= minScore);
}
