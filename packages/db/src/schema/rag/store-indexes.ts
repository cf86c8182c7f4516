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
