/**
 * Retrieval for RAG: the chunks of one vector store nearest to a query embedding by cosine
 * distance. The path depends on the store's size (see store-indexes.ts): a small store is
 * read exactly through its btree on vector_store_id and sorted; a large store has an HNSW
 * index of its own (partial, `where vector_store_id = …`) that walks only its chunks.
 */
import { and, cosineDistance, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '../../client.ts';
import { FluxDbError } from '../../errors.ts';
import { rawRows } from '../../raw-rows.ts';
import {
  type DocumentChunkMetadata,
  embeddingDimensions,
  fluxcoreDocumentChunks,
  fluxcoreVectorStoreFiles,
  storeIndexName,
  type VectorStoreFileStatus,
  vectorStoreFileStatuses,
} from '../../schema/index.ts';

/**
 * The defaults of a RAG configuration (fluxcore_rag_configurations: top_k 10, min_score 0.3)
 * and pgvector's default `hnsw.ef_search` (40), which a search uses unless it sets its own.
 */
export const chunkSearchDefaults = { topK: 10, minScore: 0.3, efSearch: 40 } as const;

const searchParams = z.object({
  vectorStoreId: z.guid(),
  embedding: z.array(z.number().finite()).length(embeddingDimensions),
  topK: z.number().int().min(1).max(100).default(chunkSearchDefaults.topK),
  minScore: z.number().min(0).max(1).default(chunkSearchDefaults.minScore),
  /**
   * Candidates an HNSW walk keeps: higher finds more of the true nearest, slower. Unset, the
   * session's `hnsw.ef_search` applies (pgvector's 40, or what the database sets) and the
   * search is one statement; set, it costs a transaction around it.
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
  metadata: DocumentChunkMetadata;
  /** Cosine similarity, 1 − cosine distance: 1 for the same direction. */
  score: number;
}

export interface ChunkFilters {
  accountId?: string;
  fileStatuses?: readonly VectorStoreFileStatus[];
}

/** The rows a search may return: the store's embedded chunks, narrowed by the filters. */
function chunkConditions(vectorStoreId: string, filters: ChunkFilters): SQL | undefined {
  const c = fluxcoreDocumentChunks;
  const f = fluxcoreVectorStoreFiles;
  return and(
    eq(c.vectorStoreId, vectorStoreId),
    isNotNull(c.embedding),
    filters.accountId ? eq(c.accountId, filters.accountId) : undefined,
    filters.fileStatuses
      ? sql`exists (select 1 from ${f} where ${f.vectorStoreId} = ${c.vectorStoreId} and ${f.fileId} = ${c.fileId} and ${inArray(f.status, [...filters.fileStatuses])})`
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
  return db
    .select({
      id: fluxcoreDocumentChunks.id,
      fileId: fluxcoreDocumentChunks.fileId,
      chunkIndex: fluxcoreDocumentChunks.chunkIndex,
      content: fluxcoreDocumentChunks.content,
      metadata: fluxcoreDocumentChunks.metadata,
      distance: sql<number>`${distance}`.mapWith(Number).as('distance'),
    })
    .from(fluxcoreDocumentChunks)
    .where(chunkConditions(params.vectorStoreId, params))
    // By the output column's name: the embedding is sent (and parsed) once.
    .orderBy(sql`distance`)
    .limit(params.topK);
}

interface SearchRow {
  id: string;
  file_id: string;
  chunk_index: number;
  content: string;
  metadata: DocumentChunkMetadata;
  distance: number | string;
  approximate: boolean;
}

/**
 * The search as one statement. Whether the store has a valid index of its own (a catalog
 * lookup the executor runs once, as an InitPlan) switches on exactly one of two branches:
 * - the store's HNSW index, ordered by `<=>` (the planner proves the partial index's
 *   predicate from the store id);
 * - the exact scan: the store's rows through the btree on vector_store_id, sorted by
 *   `cosine_distance()`, which no HNSW index (the global one included) can serve.
 * The other branch is planned but never executed. The embedding is sent and parsed once.
 */
export function searchStatement(
  params: { vectorStoreId: string; embedding: number[]; topK: number } & ChunkFilters,
  onlyExact = false,
): SQL {
  const c = fluxcoreDocumentChunks;
  const { vectorStoreId, topK } = params;
  const query = sql`(select v from q)`;
  const where = chunkConditions(vectorStoreId, params);
  const columns = sql`${c.id} as id, ${c.fileId} as file_id, ${c.chunkIndex} as chunk_index, ${c.content} as content, ${c.metadata} as metadata`;
  const exact = (gate: SQL) => sql`(select ${columns}, cosine_distance(${c.embedding}, ${query}) as distance, false as approximate
      from ${c} where ${where} and ${gate}
      order by 6 limit ${topK})`;
  const indexed = sql`(select exists (select 1 from pg_catalog.pg_index where indexrelid = to_regclass(${`public.${storeIndexName(vectorStoreId)}`}) and indisvalid))`;
  const branches = onlyExact
    ? exact(sql`true`)
    : sql`(select ${columns}, ${c.embedding} <=> ${query} as distance, true as approximate
      from ${c} where ${where} and ${indexed}
      order by ${c.embedding} <=> ${query} limit ${topK})
    union all
    ${exact(sql`not ${indexed}`)}`;
  return sql`with q as materialized (select ${JSON.stringify(params.embedding)}::vector as v) ${branches}`;
}

async function runSearch(
  db: Database | Transaction,
  params: { vectorStoreId: string; embedding: number[]; topK: number } & ChunkFilters,
): Promise<SearchRow[]> {
  const rows = await rawRows<SearchRow>(db, searchStatement(params));
  // The walk of the store's index keeps ef_search candidates: when the filters removed so many
  // that fewer than k remain, or k exceeds ef_search, the exact scan answers instead (fewer
  // than k rows from it means the store has no more).
  if (rows.length < params.topK && rows[0]?.approximate !== false) {
    return rawRows<SearchRow>(db, searchStatement(params, true));
  }
  return rows;
}

function parseParams(params: ChunkSearchParams) {
  const parsed = searchParams.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new FluxDbError(
    'INVALID_INPUT',
    `chunk search ${issue?.path.join('.') || 'parameters'}: ${issue?.message ?? 'invalid'}`,
    `Pass a store id, an embedding of ${embeddingDimensions} finite numbers, topK 1–100, minScore 0–1, efSearch 1–1000, and optionally an account id and file statuses`,
  );
}

/**
 * The top-k chunks of one store whose score reaches `minScore`, best first.
 *
 * One statement, one round trip (see searchStatement), unless `efSearch` is given: then a
 * transaction sets `hnsw.ef_search` (at least k) for it alone with `set_config(…, true)`. The
 * top k by distance are taken first and filtered by score after: the same rows as filtering
 * first (the score falls as the distance grows), and the index can order them.
 */
export async function searchChunks(
  db: Database | Transaction,
  params: ChunkSearchParams,
): Promise<ChunkMatch[]> {
  const { efSearch, minScore, ...search } = parseParams(params);
  const rows =
    efSearch === undefined
      ? await runSearch(db, search)
      : await db.transaction(async (tx) => {
          const ef = String(Math.max(efSearch, search.topK));
          await tx.execute(sql`select set_config('hnsw.ef_search', ${ef}, true)`);
          return runSearch(tx, search);
        });
  return rows
    .map((row) => ({
      id: row.id,
      fileId: row.file_id,
      chunkIndex: row.chunk_index,
      content: row.content,
      metadata: row.metadata,
      score: 1 - Number(row.distance),
    }))
    .filter((chunk) => chunk.score >= minScore);
}
