import { relations, sql } from 'drizzle-orm';
import { bigint, check, integer, numeric, pgTable, uuid } from 'drizzle-orm/pg-core';
import { moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreVectorStores } from './fluxcore-vector-stores.ts';

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

export type FluxcoreVectorStoreStats = typeof fluxcoreVectorStoreStats.$inferSelect;
export type NewFluxcoreVectorStoreStats = typeof fluxcoreVectorStoreStats.$inferInsert;

export const fluxcoreVectorStoreStatsSchemas = rowSchemas(fluxcoreVectorStoreStats);
