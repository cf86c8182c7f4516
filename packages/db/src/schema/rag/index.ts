/**
 * Vector stores and RAG (DOMAIN.md §5): knowledge bases, the files in them, their chunks with
 * pgvector embeddings, the RAG settings of a store or an account, the retrieval cache and each
 * store's counters. History: the FluxCore "vector stores and RAG" group of the 2026-02-08
 * audit, whose migration also runs `create extension if not exists vector`, and the
 * original's fluxcore_query_cache and fluxcore_vector_store_stats (its scalability script 020).
 *
 * A file per table, named after it; the value sets and their enums are in constants.ts.
 */
export * from './constants.ts';
export * from './fluxcore-document-chunks.ts';
export * from './fluxcore-files.ts';
export * from './fluxcore-query-cache.ts';
export * from './fluxcore-rag-configurations.ts';
export * from './fluxcore-vector-store-files.ts';
export * from './fluxcore-vector-store-stats.ts';
export * from './fluxcore-vector-stores.ts';
export * from './store-indexes.ts';
