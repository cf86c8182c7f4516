-- Down of 0018_fluxcore_vector_stores_and_rag: back to the schema 0017_fluxcore_tools_and_usage left.
-- Written by db:generate from meta/0018_snapshot.json and meta/0017_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_assistant_vector_stores
DROP TABLE "fluxcore_assistant_vector_stores" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_document_chunks
DROP TABLE "fluxcore_document_chunks" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_files
DROP TABLE "fluxcore_files" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_rag_configurations
DROP TABLE "fluxcore_rag_configurations" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_vector_store_files
DROP TABLE "fluxcore_vector_store_files" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_vector_stores
DROP TABLE "fluxcore_vector_stores" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."rag_chunking_strategy";
--> statement-breakpoint
DROP TYPE "public"."vector_store_access_mode";
--> statement-breakpoint
DROP TYPE "public"."vector_store_backend";
--> statement-breakpoint
DROP TYPE "public"."vector_store_file_status";
--> statement-breakpoint
DROP TYPE "public"."vector_store_source";
--> statement-breakpoint
DROP TYPE "public"."vector_store_status";
--> statement-breakpoint
-- 0018_fluxcore_vector_stores_and_rag created the extension "vector" if it was missing. Drop it again, unless
-- other objects still use it or this role may not drop it: then it stays (a notice says so).
DO $$
BEGIN
  DROP EXTENSION IF EXISTS "vector";
EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
  RAISE NOTICE 'extension "vector" kept: %', SQLERRM;
END
$$;
