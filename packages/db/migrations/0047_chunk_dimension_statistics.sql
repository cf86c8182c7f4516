-- Statistics on vector_dims(embedding): a search reads a store's chunks of its query's
-- dimension (`vector_dims(embedding) = N`, which each store's HNSW index has in its predicate).
-- Without statistics the planner guesses that condition keeps 0.5% of the rows, so a large
-- store looks small and its rows read through the btree and sorted look cheaper than its own
-- HNSW index. ANALYZE fills them; creating the object reads no row.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "fluxcore_document_chunks_dimensions_stat"
  ON (vector_dims("embedding")) FROM "fluxcore_document_chunks";
