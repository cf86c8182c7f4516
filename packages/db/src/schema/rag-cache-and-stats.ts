/**
 * The retrieval cache and each vector store's counters (DOMAIN.md §5). History: the
 * original's fluxcore_query_cache and fluxcore_vector_store_stats (its scalability script
 * 020), which this package did not have before.
 */
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { createdAt, id, moment, reference, timestamps } from './columns.ts';
import { fluxcoreVectorStores } from './rag.ts';

/**
 * A search's result, reused while it has not expired: the chunk ids and their similarities,
 * in rank order. No foreign keys on the arrays: an entry expires rather than follows a delete.
 */
export const fluxcoreQueryCache = pgTable(
  'fluxcore_query_cache',
  {
    id: id(),
    /** sha-256 (hex) of the normalised query text. */
    queryHash: varchar('query_hash', { length: 64 }).notNull(),
    queryText: text('query_text').notNull(),
    vectorStoreIds: uuid('vector_store_ids').array().notNull(),
    cachedChunkIds: uuid('cached_chunk_ids').array().notNull(),
    cachedSimilarities: numeric('cached_similarities').array().notNull(),
    hitCount: integer('hit_count').notNull().default(1),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
  },
  (t) => [
    // One entry per query over the same stores: a repeat is an upsert that counts a hit.
    // Its leading column also serves lookups by hash.
    unique('fluxcore_query_cache_query_hash_vector_store_ids_key').on(
      t.queryHash,
      t.vectorStoreIds,
    ),
    // The expiry sweep (cleanup_expired_cache in the original).
    index('fluxcore_query_cache_expires_at_idx').on(t.expiresAt),
    check(
      'fluxcore_query_cache_results_check',
      sql`cardinality(${t.cachedChunkIds}) = cardinality(${t.cachedSimilarities}) and ${t.hitCount} >= 0`,
    ),
  ],
);

/** One row per vector store: its counters, kept as files and chunks come and go. */
export const fluxcoreVectorStoreStats = pgTable(
  'fluxcore_vector_store_stats',
  {
    vectorStoreId: uuid('vector_store_id').primaryKey(),
    fileCount: integer('file_count').notNull().default(0),
    chunkCount: integer('chunk_count').notNull().default(0),
    embeddedChunkCount: integer('embedded_chunk_count').notNull().default(0),
    totalTokens: integer('total_tokens').notNull().default(0),
    totalSizeBytes: bigint('total_size_bytes', { mode: 'number' }).notNull().default(0),
    totalQueries: bigint('total_queries', { mode: 'number' }).notNull().default(0),
    queriesThisMonth: integer('queries_this_month').notNull().default(0),
    avgQueryTimeMs: integer('avg_query_time_ms').notNull().default(0),
    /** embedded_chunk_count / chunk_count, in percent. */
    embeddingCoveragePercent: numeric('embedding_coverage_percent', { precision: 5, scale: 2 })
      .notNull()
      .default('0'),
    lastFileAddedAt: moment('last_file_added_at'),
    lastQueryAt: moment('last_query_at'),
    lastReindexAt: moment('last_reindex_at'),
    ...timestamps(),
  },
  (t) => [
    // The primary key indexes the column.
    ...reference(t.vectorStoreId, () => fluxcoreVectorStores.id, 'cascade', { indexed: false }),
    check(
      'fluxcore_vector_store_stats_counters_check',
      sql`${t.fileCount} >= 0 and ${t.chunkCount} >= 0 and ${t.embeddedChunkCount} >= 0 and ${t.totalTokens} >= 0 and ${t.totalSizeBytes} >= 0 and ${t.totalQueries} >= 0 and ${t.queriesThisMonth} >= 0`,
    ),
  ],
);

export const fluxcoreVectorStoreStatsRelations = relations(fluxcoreVectorStoreStats, ({ one }) => ({
  vectorStore: one(fluxcoreVectorStores, {
    fields: [fluxcoreVectorStoreStats.vectorStoreId],
    references: [fluxcoreVectorStores.id],
  }),
}));

export type FluxcoreQueryCacheEntry = typeof fluxcoreQueryCache.$inferSelect;
export type NewFluxcoreQueryCacheEntry = typeof fluxcoreQueryCache.$inferInsert;
export type FluxcoreVectorStoreStats = typeof fluxcoreVectorStoreStats.$inferSelect;
export type NewFluxcoreVectorStoreStats = typeof fluxcoreVectorStoreStats.$inferInsert;

export const fluxcoreQueryCacheSchemas = {
  select: createSelectSchema(fluxcoreQueryCache),
  insert: createInsertSchema(fluxcoreQueryCache),
};
export const fluxcoreVectorStoreStatsSchemas = {
  select: createSelectSchema(fluxcoreVectorStoreStats),
  insert: createInsertSchema(fluxcoreVectorStoreStats),
};
