-- fluxcore_document_chunks.file_id keeps what a database wrote there: the original's chunks
-- point at fluxcore_vector_store_files, this package's code wrote fluxcore_files ids. A foreign
-- key to either would refuse the other's rows, so there is none (see schema/rag.ts).
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" DROP CONSTRAINT "fluxcore_document_chunks_file_id_fk";
