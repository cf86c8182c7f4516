/**
 * Retrieval for RAG: the chunks of one vector store nearest to a query embedding by cosine
 * distance, through the HNSW index fluxcore_document_chunks_embedding_hnsw_idx.
 */
import { cosineDistance, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '../../connection/client.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import {
  type DocumentChunkMetadata,
  embeddingDimensions,
  fluxcoreDocumentChunks,
} from '../../schema/index.ts';

/**
 * The defaults of a RAG configuration (fluxcore_rag_configurations: top_k 10, min_score 0.3)
 * and pgvector's default `hnsw.ef_search` (40).
 */
export const chunkSearchDefaults = { topK: 10, minScore: 0.3, efSearch: 40 } as const;

const searchParams = z.object({
  // Any id PostgreSQL's uuid takes (z.guid()), not only RFC 9562 ones.
  vectorStoreId: z.guid(),
  embedding: z.array(z.number().finite()).length(embeddingDimensions),
  topK: z.number().int().min(1).max(100).default(chunkSearchDefaults.topK),
  minScore: z.number().min(0).max(1).default(chunkSearchDefaults.minScore),
  /** Candidates the graph walk keeps: higher finds more of the true nearest, slower. */
  efSearch: z.number().int().min(1).max(1000).default(chunkSearchDefaults.efSearch),
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

/**
 * The k chunks of one store nearest to the embedding, nearest first (no score filter). Its
 * ORDER BY is the `<=>` operator, which the HNSW index serves; `exact` orders by pgvector's
 * `cosine_distance()` function instead (the same value), which no index serves, so the store's
 * rows are read through its own index and sorted.
 */
export function nearestChunksQuery(
  db: Database | Transaction,
  params: { vectorStoreId: string; embedding: number[]; topK: number; exact?: boolean },
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
      distance: sql<number>`${distance}`.mapWith(Number),
    })
    .from(fluxcoreDocumentChunks)
    .where(eq(fluxcoreDocumentChunks.vectorStoreId, params.vectorStoreId))
    .orderBy(distance)
    .limit(params.topK);
}

/**
 * The top-k chunks of one store whose score reaches `minScore`, best first.
 *
 * In one transaction, `set_config(…, true)` (what `set local` does, with a bound value) sets:
 * - `hnsw.ef_search`, the recall knob, for this query only;
 * - `hnsw.iterative_scan = strict_order` (pgvector ≥ 0.8): when other stores' chunks fill the
 *   index's first candidates, the scan keeps walking the graph (up to `hnsw.max_scan_tuples`,
 *   20,000 by default) instead of returning fewer than k rows, and returns them in exact
 *   distance order.
 * When fewer than k rows come back all the same (the store holds fewer than k chunks, or the
 * walk stopped at `hnsw.max_scan_tuples` before it met k of them), the exact query runs (the
 * store's rows through its own index, sorted): fewer than k rows then means the store has no
 * more. The top k by distance are taken first and filtered by score after:
 * the same rows as filtering first (the score falls as the distance grows), and the index can
 * order them.
 */
export async function searchChunks(
  db: Database | Transaction,
  params: ChunkSearchParams,
): Promise<ChunkMatch[]> {
  const parsed = searchParams.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FluxDbError(
      'INVALID_INPUT',
      `chunk search ${issue?.path.join('.') || 'parameters'}: ${issue?.message ?? 'invalid'}`,
      `Pass a store id, an embedding of ${embeddingDimensions} finite numbers, topK 1–100, minScore 0–1 and efSearch 1–1000`,
    );
  }
  const { vectorStoreId, embedding, topK, minScore, efSearch } = parsed.data;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('hnsw.ef_search', ${String(efSearch)}, true), set_config('hnsw.iterative_scan', 'strict_order', true)`,
    );
    let nearest = await nearestChunksQuery(tx, { vectorStoreId, embedding, topK });
    if (nearest.length < topK)
      nearest = await nearestChunksQuery(tx, { vectorStoreId, embedding, topK, exact: true });
    return nearest
      .map(({ distance: d, ...chunk }) => ({ ...chunk, score: 1 - d }))
      .filter((chunk) => chunk.score >= minScore);
  });
}
