-- The original FluxCore schema's columns and tables, in this package's conventions.
-- Reviewed squawk exceptions, for this file:
--   renaming-column: each rename gives a column back the original's name, the one the
--     original app's code reads (src/schema/original.ts: a tidier name is not worth a break).
--   require-enum-value-ordering: new values are appended on purpose; no code sorts by them.
--   constraint-missing-not-valid, changing-column-type, adding-foreign-key-constraint,
--   require-concurrent-index-creation, require-concurrent-index-deletion: the checks are the
--     same rules on renamed columns, the type changes widen (varchar lengths, integer to
--     bigint, varchar to text), the new foreign keys and indexes are on columns this
--     migration adds (all null), and db:migrate runs each migration in one transaction, where
--     CONCURRENTLY is impossible. The lock and statement timeouts below bound the wait.
-- squawk-ignore-file renaming-column
-- squawk-ignore-file require-enum-value-ordering
-- squawk-ignore-file constraint-missing-not-valid
-- squawk-ignore-file changing-column-type
-- squawk-ignore-file adding-foreign-key-constraint
-- squawk-ignore-file require-concurrent-index-creation
-- squawk-ignore-file require-concurrent-index-deletion
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
ALTER TYPE "public"."actor_type" ADD VALUE 'builtin_ai';--> statement-breakpoint
ALTER TYPE "public"."fluxcore_asset_permission_source" ADD VALUE 'shared';--> statement-breakpoint
ALTER TYPE "public"."fluxcore_asset_permission_source" ADD VALUE 'public';--> statement-breakpoint
ALTER TYPE "public"."asset_visibility" ADD VALUE 'marketplace';--> statement-breakpoint
ALTER TYPE "public"."fluxcore_credit_transaction_type" ADD VALUE 'bonus';--> statement-breakpoint
ALTER TYPE "public"."fluxcore_credit_transaction_type" ADD VALUE 'subscription';--> statement-breakpoint
ALTER TYPE "public"."fluxcore_marketplace_listing_status" ADD VALUE 'pending_review';--> statement-breakpoint
ALTER TYPE "public"."fluxcore_marketplace_listing_status" ADD VALUE 'active';--> statement-breakpoint
ALTER TYPE "public"."message_status" ADD VALUE 'local_only';--> statement-breakpoint
ALTER TYPE "public"."message_status" ADD VALUE 'pending_backend';--> statement-breakpoint
ALTER TYPE "public"."message_status" ADD VALUE 'sent';--> statement-breakpoint
ALTER TYPE "public"."plan_asset_dependency_type" ADD VALUE 'output';--> statement-breakpoint
ALTER TYPE "public"."rag_chunking_strategy" ADD VALUE 'page';--> statement-breakpoint
ALTER TYPE "public"."rag_chunking_strategy" ADD VALUE 'custom';--> statement-breakpoint
ALTER TYPE "public"."tool_type" ADD VALUE 'mcp';--> statement-breakpoint
ALTER TYPE "public"."tool_type" ADD VALUE 'http';--> statement-breakpoint
ALTER TYPE "public"."usage_resource_type" ADD VALUE 'embedding';--> statement-breakpoint
ALTER TYPE "public"."usage_resource_type" ADD VALUE 'retrieval';--> statement-breakpoint
ALTER TYPE "public"."usage_resource_type" ADD VALUE 'document_processing';--> statement-breakpoint
ALTER TYPE "public"."usage_resource_type" ADD VALUE 'storage';--> statement-breakpoint
ALTER TYPE "public"."usage_resource_type" ADD VALUE 'api_call';--> statement-breakpoint
ALTER TYPE "public"."vector_store_access_mode" ADD VALUE 'read_write';--> statement-breakpoint
ALTER TYPE "public"."vector_store_file_status" ADD VALUE 'pending';--> statement-breakpoint
ALTER TYPE "public"."vector_store_file_status" ADD VALUE 'processing';--> statement-breakpoint
ALTER TYPE "public"."vector_store_source" ADD VALUE 'cache';--> statement-breakpoint
CREATE TABLE "fluxcore_assistant_tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assistant_id" uuid NOT NULL,
	"tool_connection_id" uuid NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_pricing_config" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_type" "usage_resource_type" NOT NULL,
	"operation" varchar(50) NOT NULL,
	"provider" varchar(50),
	"unit_type" varchar(50) NOT NULL,
	"price_per_unit" numeric(10, 6) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"effective_from" timestamp with time zone DEFAULT now() NOT NULL,
	"effective_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_pricing_config_price_check" CHECK ("fluxcore_pricing_config"."price_per_unit" >= 0),
	CONSTRAINT "fluxcore_pricing_config_period_check" CHECK ("fluxcore_pricing_config"."effective_until" is null or "fluxcore_pricing_config"."effective_until" > "fluxcore_pricing_config"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_query_cache" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"query_hash" varchar(64) NOT NULL,
	"query_text" text NOT NULL,
	"vector_store_ids" uuid[] NOT NULL,
	"cached_chunk_ids" uuid[] NOT NULL,
	"cached_similarities" numeric[] NOT NULL,
	"hit_count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fluxcore_query_cache_query_hash_vector_store_ids_key" UNIQUE("query_hash","vector_store_ids"),
	CONSTRAINT "fluxcore_query_cache_results_check" CHECK (cardinality("fluxcore_query_cache"."cached_chunk_ids") = cardinality("fluxcore_query_cache"."cached_similarities") and "fluxcore_query_cache"."hit_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_system_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric_name" varchar(100) NOT NULL,
	"metric_type" varchar(50) NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"dimensions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"recorded_date" date DEFAULT CURRENT_DATE NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_vector_store_stats" (
	"vector_store_id" uuid PRIMARY KEY NOT NULL,
	"file_count" integer DEFAULT 0 NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"embedded_chunk_count" integer DEFAULT 0 NOT NULL,
	"total_tokens" integer DEFAULT 0 NOT NULL,
	"total_size_bytes" bigint DEFAULT 0 NOT NULL,
	"total_queries" bigint DEFAULT 0 NOT NULL,
	"queries_this_month" integer DEFAULT 0 NOT NULL,
	"avg_query_time_ms" integer DEFAULT 0 NOT NULL,
	"embedding_coverage_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"last_file_added_at" timestamp with time zone,
	"last_query_at" timestamp with time zone,
	"last_reindex_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_vector_store_stats_counters_check" CHECK ("fluxcore_vector_store_stats"."file_count" >= 0 and "fluxcore_vector_store_stats"."chunk_count" >= 0 and "fluxcore_vector_store_stats"."embedded_chunk_count" >= 0 and "fluxcore_vector_store_stats"."total_tokens" >= 0 and "fluxcore_vector_store_stats"."total_size_bytes" >= 0 and "fluxcore_vector_store_stats"."total_queries" >= 0 and "fluxcore_vector_store_stats"."queries_this_month" >= 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_staff" RENAME COLUMN "service_ids" TO "services";--> statement-breakpoint
ALTER TABLE "asset_audit_logs" RENAME COLUMN "details" TO "metadata";--> statement-breakpoint
ALTER TABLE "asset_audit_logs" RENAME COLUMN "created_at" TO "timestamp";--> statement-breakpoint
ALTER TABLE "asset_policies" RENAME COLUMN "ttl_seconds" TO "default_ttl_seconds";--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" RENAME COLUMN "received_bytes" TO "bytes_uploaded";--> statement-breakpoint
ALTER TABLE "assets" RENAME COLUMN "retention_until" TO "hard_delete_at";--> statement-breakpoint
ALTER TABLE "extension_installations" RENAME COLUMN "created_at" TO "installed_at";--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" RENAME COLUMN "balance" TO "balance_credits";--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" RENAME COLUMN "monthly_limit" TO "monthly_limit_credits";--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" RENAME COLUMN "daily_limit" TO "daily_limit_credits";--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" RENAME COLUMN "sort_order" TO "order";--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" RENAME COLUMN "amount" TO "amount_credits";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "chunk_size" TO "chunk_size_tokens";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "chunk_overlap" TO "chunk_overlap_tokens";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "top_k" TO "retrieval_top_k";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "min_score" TO "retrieval_min_score";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "hybrid_search" TO "hybrid_search_enabled";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "reranking" TO "rerank_enabled";--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" RENAME COLUMN "enabled" TO "is_enabled";--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" RENAME COLUMN "total_tokens" TO "tokens_used";--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" RENAME COLUMN "request_count" TO "api_calls";--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" RENAME COLUMN "metadata" TO "request_metadata";--> statement-breakpoint
ALTER TABLE "media_attachments" RENAME COLUMN "waveform" TO "waveform_data";--> statement-breakpoint
ALTER TABLE "message_assets" RENAME COLUMN "created_at" TO "linked_at";--> statement-breakpoint
ALTER TABLE "plan_assets" RENAME COLUMN "created_at" TO "linked_at";--> statement-breakpoint
ALTER TABLE "relationships" RENAME COLUMN "last_interaction_at" TO "last_interaction";--> statement-breakpoint
ALTER TABLE "template_assets" RENAME COLUMN "created_at" TO "linked_at";--> statement-breakpoint
ALTER TABLE "asset_policies" DROP CONSTRAINT "asset_policies_limits_check";--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" DROP CONSTRAINT "asset_upload_sessions_bytes_check";--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" DROP CONSTRAINT "fluxcore_account_credits_amounts_check";--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" DROP CONSTRAINT "fluxcore_account_credits_limits_check";--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" DROP CONSTRAINT "fluxcore_assistant_instructions_sort_order_check";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_chunking_check";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_top_k_check";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_min_score_check";--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" DROP CONSTRAINT "fluxcore_usage_logs_counts_check";--> statement-breakpoint
DROP INDEX "assets_retention_until_idx";--> statement-breakpoint
DROP INDEX "asset_audit_logs_account_created_idx";--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "display_name" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "name" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "duration_minutes" SET DEFAULT 30;--> statement-breakpoint
ALTER TABLE "appointment_staff" ALTER COLUMN "name" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "client_name" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "chunks_received" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "version" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "version" SET DEFAULT 1;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "file_counts" SET DEFAULT '{"in_progress":0,"completed":0,"failed":0,"cancelled":0,"total":0}'::jsonb;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "usage" SET DEFAULT '{"bytesUsed":0,"hoursUsedThisMonth":0,"costPerGBPerDay":0.1}'::jsonb;--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "filename" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "mime_type" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "content" SET DEFAULT '{"text":""}'::jsonb;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "perspective_a" SET DEFAULT '{"saved_name":null,"tags":[],"status":"active"}'::jsonb;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "perspective_b" SET DEFAULT '{"saved_name":null,"tags":[],"status":"active"}'::jsonb;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "context" SET DEFAULT '{"entries":[],"total_chars":0}'::jsonb;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "workspaces" ALTER COLUMN "name" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD COLUMN "requester_account_id" uuid;--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD COLUMN "snapshot_url" text;--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD COLUMN "snapshot_downloaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD COLUMN "snapshot_download_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD COLUMN "snapshot_acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ADD COLUMN "requester_user_id" uuid;--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ADD COLUMN "requester_account_id" uuid;--> statement-breakpoint
ALTER TABLE "asset_policies" ADD COLUMN "max_ttl_seconds" integer DEFAULT 86400 NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ADD COLUMN "dedup_scope" "asset_dedup_policy" DEFAULT 'intra_account' NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ADD COLUMN "require_encryption" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ADD COLUMN "allow_public_access" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ADD COLUMN "audit_all_access" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD COLUMN "max_size_bytes" bigint DEFAULT 104857600 NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD COLUMN "allowed_mime_types" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "encryption" varchar(50);--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "encryption_key_id" varchar(100);--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "retention_policy" varchar(50);--> statement-breakpoint
ALTER TABLE "extension_installations" ADD COLUMN "permissions_granted_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "extension_installations" ADD COLUMN "can_share_permissions" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD COLUMN "granted_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ADD COLUMN "size_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ADD COLUMN "tokens_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ADD COLUMN "last_modified_by" varchar(255);--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "page_number" integer;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "section_title" varchar(255);--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "start_char" integer;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "end_char" integer;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ADD COLUMN "last_modified_by" varchar(255);--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "price_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "usage_price_per_1k_tokens" integer;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "license_type" varchar(50) DEFAULT 'personal' NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "terms_url" text;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "demo_url" text;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "screenshots" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "search_keywords" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "preview_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "preview_chunk_limit" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "featured" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "featured_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "total_subscribers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "total_revenue_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "total_queries" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "rating_average" numeric(3, 2);--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "access_mode" vector_store_access_mode DEFAULT 'read' NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "tokens_used_this_period" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "tokens_used_total" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "queries_this_period" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "queries_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "total_paid_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "last_payment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "next_payment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "name" varchar(100);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "is_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "chunk_separators" jsonb DEFAULT '["\n\n","\n",". "," "]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "chunk_custom_regex" text;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "min_chunk_size" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "max_chunk_size" integer DEFAULT 2000 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "embedding_batch_size" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "embedding_endpoint_url" text;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "embedding_api_key_ref" varchar(255);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "retrieval_max_tokens" integer DEFAULT 2000 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "hybrid_keyword_weight" numeric(3, 2) DEFAULT '0.30' NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "rerank_provider" varchar(50);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "rerank_model" varchar(100);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "rerank_top_n" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "supported_mime_types" jsonb DEFAULT '["application/pdf","text/plain","text/markdown","application/vnd.openxmlformats-officedocument.wordprocessingml.document"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "ocr_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "ocr_language" varchar(10) DEFAULT 'spa' NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "extract_metadata" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD COLUMN "metadata_fields" jsonb DEFAULT '["title","author","created_date","page_count"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ADD COLUMN "icon" varchar(100);--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD COLUMN "chunks_processed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD COLUMN "processing_time_ms" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD COLUMN "billing_period_start" date;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD COLUMN "billing_period_end" date;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ADD COLUMN "mime_type" varchar(100);--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ADD COLUMN "size_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ADD COLUMN "error_message" text;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ADD COLUMN "last_modified_by" varchar(255);--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD COLUMN "file_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD COLUMN "size_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD COLUMN "usage_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD COLUMN "expiration_policy" varchar(50) DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD COLUMN "expiration_days" integer;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD COLUMN "last_modified_by" varchar(255);--> statement-breakpoint
ALTER TABLE "media_attachments" ADD COLUMN "duration_seconds" integer;--> statement-breakpoint
ALTER TABLE "media_attachments" ADD COLUMN "thumbnail_url" text;--> statement-breakpoint
ALTER TABLE "plan_assets" ADD COLUMN "is_ready" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "protected_accounts" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "website_configs" ADD COLUMN "custom_domain_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "website_configs" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "website_configs" ADD COLUMN "build_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "workspace_members" ADD COLUMN "invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_tools" ADD CONSTRAINT "fluxcore_assistant_tools_assistant_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."fluxcore_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_tools" ADD CONSTRAINT "fluxcore_assistant_tools_tool_connection_id_fk" FOREIGN KEY ("tool_connection_id") REFERENCES "public"."fluxcore_tool_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_stats" ADD CONSTRAINT "fluxcore_vector_store_stats_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fluxcore_assistant_tools_tool_connection_id_idx" ON "fluxcore_assistant_tools" USING btree ("tool_connection_id");--> statement-breakpoint
CREATE INDEX "fluxcore_assistant_tools_assistant_connection_idx" ON "fluxcore_assistant_tools" USING btree ("assistant_id","tool_connection_id");--> statement-breakpoint
CREATE INDEX "fluxcore_pricing_config_lookup_idx" ON "fluxcore_pricing_config" USING btree ("resource_type","operation","effective_from" DESC NULLS LAST) WHERE "fluxcore_pricing_config"."is_active";--> statement-breakpoint
CREATE INDEX "fluxcore_query_cache_expires_at_idx" ON "fluxcore_query_cache" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "fluxcore_system_metrics_name_recorded_at_idx" ON "fluxcore_system_metrics" USING btree ("metric_name","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "fluxcore_system_metrics_recorded_date_idx" ON "fluxcore_system_metrics" USING btree ("recorded_date");--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD CONSTRAINT "account_deletion_jobs_requester_account_id_fk" FOREIGN KEY ("requester_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ADD CONSTRAINT "account_deletion_logs_requester_user_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ADD CONSTRAINT "account_deletion_logs_requester_account_id_fk" FOREIGN KEY ("requester_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_accounts" ADD CONSTRAINT "protected_accounts_owner_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_deletion_jobs_requester_account_id_idx" ON "account_deletion_jobs" USING btree ("requester_account_id");--> statement-breakpoint
CREATE INDEX "account_deletion_logs_requester_user_id_idx" ON "account_deletion_logs" USING btree ("requester_user_id");--> statement-breakpoint
CREATE INDEX "account_deletion_logs_requester_account_id_idx" ON "account_deletion_logs" USING btree ("requester_account_id");--> statement-breakpoint
CREATE INDEX "assets_hard_delete_at_idx" ON "assets" USING btree ("hard_delete_at") WHERE "assets"."hard_delete_at" is not null;--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_listings_featured_idx" ON "fluxcore_marketplace_listings" USING btree ("featured_until") WHERE "fluxcore_marketplace_listings"."featured";--> statement-breakpoint
CREATE INDEX "protected_accounts_owner_user_id_idx" ON "protected_accounts" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "asset_audit_logs_account_created_idx" ON "asset_audit_logs" USING btree ("account_id","timestamp");--> statement-breakpoint
ALTER TABLE "asset_policies" ADD CONSTRAINT "asset_policies_limits_check" CHECK ("asset_policies"."default_ttl_seconds" > 0 and "asset_policies"."max_ttl_seconds" >= "asset_policies"."default_ttl_seconds" and ("asset_policies"."max_file_size_bytes" is null or "asset_policies"."max_file_size_bytes" > 0) and ("asset_policies"."retention_days" is null or "asset_policies"."retention_days" > 0));--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD CONSTRAINT "asset_upload_sessions_bytes_check" CHECK ("asset_upload_sessions"."total_bytes" >= 0 and "asset_upload_sessions"."bytes_uploaded" >= 0 and "asset_upload_sessions"."bytes_uploaded" <= "asset_upload_sessions"."total_bytes");--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ADD CONSTRAINT "fluxcore_account_credits_amounts_check" CHECK ("fluxcore_account_credits"."balance_credits" >= 0 and "fluxcore_account_credits"."reserved" >= 0 and "fluxcore_account_credits"."used_this_month" >= 0 and "fluxcore_account_credits"."used_today" >= 0);--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ADD CONSTRAINT "fluxcore_account_credits_limits_check" CHECK (("fluxcore_account_credits"."monthly_limit_credits" is null or "fluxcore_account_credits"."monthly_limit_credits" >= 0) and ("fluxcore_account_credits"."daily_limit_credits" is null or "fluxcore_account_credits"."daily_limit_credits" >= 0));--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" ADD CONSTRAINT "fluxcore_assistant_instructions_order_check" CHECK ("fluxcore_assistant_instructions"."order" >= 0);--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_counters_check" CHECK ("fluxcore_marketplace_listings"."price_cents" >= 0 and "fluxcore_marketplace_listings"."total_subscribers" >= 0 and "fluxcore_marketplace_listings"."total_revenue_cents" >= 0 and "fluxcore_marketplace_listings"."total_queries" >= 0 and "fluxcore_marketplace_listings"."rating_count" >= 0 and "fluxcore_marketplace_listings"."preview_chunk_limit" >= 0);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_chunking_check" CHECK ("fluxcore_rag_configurations"."chunk_size_tokens" > 0 and "fluxcore_rag_configurations"."chunk_overlap_tokens" >= 0 and "fluxcore_rag_configurations"."chunk_overlap_tokens" < "fluxcore_rag_configurations"."chunk_size_tokens");--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_top_k_check" CHECK ("fluxcore_rag_configurations"."retrieval_top_k" between 1 and 100);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_min_score_check" CHECK ("fluxcore_rag_configurations"."retrieval_min_score" between 0 and 1);--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD CONSTRAINT "fluxcore_usage_logs_counts_check" CHECK ("fluxcore_usage_logs"."prompt_tokens" >= 0 and "fluxcore_usage_logs"."completion_tokens" >= 0 and "fluxcore_usage_logs"."tokens_used" >= 0 and "fluxcore_usage_logs"."api_calls" >= 0 and "fluxcore_usage_logs"."chunks_processed" >= 0 and "fluxcore_usage_logs"."processing_time_ms" >= 0);