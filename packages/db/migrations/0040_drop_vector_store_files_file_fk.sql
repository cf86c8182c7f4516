-- fluxcore_vector_store_files.file_id keeps what a database wrote there: February's rows point at
-- fluxcore_files, May's at assets (the original's 051_asset_centric_rag moved its key). A foreign
-- key to either would refuse the other's rows, so there is none, as 0035 did for the chunks; the
-- column keeps its index (see schema/rag/fluxcore-vector-store-files.ts).
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" DROP CONSTRAINT "fluxcore_vector_store_files_file_id_fk";
