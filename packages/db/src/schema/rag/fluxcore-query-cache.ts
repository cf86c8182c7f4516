import { sql } from 'drizzle-orm';
import {
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
import { createdAt, id, moment, rowSchemas } from '../columns.ts';

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

export type FluxcoreQueryCacheEntry = typeof fluxcoreQueryCache.$inferSelect;
export type NewFluxcoreQueryCacheEntry = typeof fluxcoreQueryCache.$inferInsert;

export const fluxcoreQueryCacheSchemas = rowSchemas(fluxcoreQueryCache);
