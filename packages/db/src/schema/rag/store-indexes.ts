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
 * What a store's index holds: each chunk's embedding as `vector(N)`, N the store's dimension.
 * `halfvec(N)` (2 bytes a component, half the index, and HNSW takes it up to 4,000 dimensions)
 * was measured against it (bench: rag-tenants, halfvec row) and did not win: as fast at best,
 * slower to build, recall@10 0.990 against 1.000. A store wider than 2,000 dimensions (HNSW's
 * limit for vector) is scanned exactly.
 */
export const storeIndexType = 'vector';

/** The widest embedding an HNSW index on vector takes; wider stores are always scanned exactly. */
export const storeIndexMaxDimensions = 2_000;

/** The indexed expression of a store whose chunks have `dimensions` numbers. */
export function storeIndexExpression(dimensions: number): string {
  return `(embedding::${storeIndexType}(${dimensions}))`;
}
