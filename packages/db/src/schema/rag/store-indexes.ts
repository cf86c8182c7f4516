/**
 * The names of the per-store HNSW indexes on fluxcore_document_chunks. They are data, not
 * schema: a store gets one when it grows past a threshold and loses it when it shrinks
 * (operations/rag/store-indexes.ts), so no migration declares them and the catalog readers
 * (audit, converge, baseline) leave them out by this name.
 */

/** A POSIX regular expression (for `~`) that matches exactly the per-store index names. */
export const storeIndexNamePattern = '^fluxcore_chunks_[0-9a-f]{32}_hnsw$';

/** The per-store index of one vector store: 53 characters, under PostgreSQL's 63. */
export function storeIndexName(vectorStoreId: string): string {
  return `fluxcore_chunks_${vectorStoreId.toLowerCase().replaceAll('-', '')}_hnsw`;
}

/**
 * What a store's index holds: each chunk's embedding as `halfvec(N)` (2 bytes a component, half
 * of vector's), N the store's dimension. Measured against `vector(N)` (bench: rag-tenants,
 * halfvec row): as fast or faster, recall@10 above 0.95, half the size, and HNSW takes halfvec
 * up to 4,000 dimensions (vector: 2,000). The search re-ranks the k rows it finds by the exact
 * distance, so scores and order are vector's.
 */
export const storeIndexType = 'halfvec';

/** The widest embedding an HNSW index on halfvec takes; wider stores are always scanned exactly. */
export const storeIndexMaxDimensions = 4_000;

/** The indexed expression of a store whose chunks have `dimensions` numbers. */
export function storeIndexExpression(dimensions: number): string {
  return `(embedding::${storeIndexType}(${dimensions}))`;
}
