-- fluxcore_document_chunks.embedding becomes a vector of any dimension, as the original's May
-- column: a RAG configuration may embed at any width. Only the type modifier goes, so every row
-- and value is kept (no rewrite). The HNSW index on the whole column goes first: it needs one
-- dimension, and no search reads it (each large store has its own, on embedding::vector(N)).
-- Reviewed squawk exceptions, for this file:
--   changing-column-type: vector(1536) to vector drops only the type modifier; the values are
--     binary-coercible, so PostgreSQL rewrites no row and keeps every value.
--   require-concurrent-index-deletion: db:migrate runs each migration in one transaction, where
--     CONCURRENTLY is impossible; dropping an index frees its pages and reads no row. The lock
--     and statement timeouts below bound the wait.
-- squawk-ignore-file changing-column-type
-- squawk-ignore-file require-concurrent-index-deletion
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
DROP INDEX "fluxcore_document_chunks_embedding_hnsw_idx";--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "embedding" SET DATA TYPE vector;