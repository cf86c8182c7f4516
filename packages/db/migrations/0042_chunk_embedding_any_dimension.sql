-- fluxcore_document_chunks.embedding becomes a vector of any dimension, as the original's May
-- column: a RAG configuration may embed at any width. Only the type modifier goes, so every row
-- and value is kept (no rewrite). The HNSW index on the whole column goes first: it needs one
-- dimension, and no search reads it (each large store has its own, on embedding::vector(N)).
DROP INDEX "fluxcore_document_chunks_embedding_hnsw_idx";--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "embedding" SET DATA TYPE vector;