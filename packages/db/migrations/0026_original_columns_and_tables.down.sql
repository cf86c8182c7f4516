-- Down of 0026_original_columns_and_tables: back to the schema 0025_credits_policies_seed left.
-- Written by hand (db:generate cannot invert renames): every statement of the migration
-- inverted, newest first, except that the constraints and indexes it dropped come back after
-- the renames are undone; their definitions were read from a database migrated to 0025.
-- "fluxcore:destructive" marks a statement that drops data: db:rollback counts those rows
-- first and refuses to lose them without --yes. A value 0026 added to an enum fails the
-- rebuild below if a row still holds it: change those rows first.
ALTER TABLE "fluxcore_usage_logs" DROP CONSTRAINT "fluxcore_usage_logs_counts_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_min_score_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_top_k_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_chunking_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" DROP CONSTRAINT "fluxcore_marketplace_listings_counters_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" DROP CONSTRAINT "fluxcore_assistant_instructions_order_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" DROP CONSTRAINT "fluxcore_account_credits_limits_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" DROP CONSTRAINT "fluxcore_account_credits_amounts_check";
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" DROP CONSTRAINT "asset_upload_sessions_bytes_check";
--> statement-breakpoint
ALTER TABLE "asset_policies" DROP CONSTRAINT "asset_policies_limits_check";
--> statement-breakpoint
DROP INDEX "asset_audit_logs_account_created_idx";
--> statement-breakpoint
DROP INDEX "protected_accounts_owner_user_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_marketplace_listings_featured_idx";
--> statement-breakpoint
DROP INDEX "assets_hard_delete_at_idx";
--> statement-breakpoint
DROP INDEX "account_deletion_logs_requester_account_id_idx";
--> statement-breakpoint
DROP INDEX "account_deletion_logs_requester_user_id_idx";
--> statement-breakpoint
DROP INDEX "account_deletion_jobs_requester_account_id_idx";
--> statement-breakpoint
ALTER TABLE "protected_accounts" DROP CONSTRAINT "protected_accounts_owner_user_id_fk";
--> statement-breakpoint
ALTER TABLE "account_deletion_logs" DROP CONSTRAINT "account_deletion_logs_requester_account_id_fk";
--> statement-breakpoint
ALTER TABLE "account_deletion_logs" DROP CONSTRAINT "account_deletion_logs_requester_user_id_fk";
--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" DROP CONSTRAINT "account_deletion_jobs_requester_account_id_fk";
--> statement-breakpoint
DROP INDEX "fluxcore_system_metrics_recorded_date_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_system_metrics_name_recorded_at_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_query_cache_expires_at_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_pricing_config_lookup_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_assistant_tools_assistant_connection_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_assistant_tools_tool_connection_id_idx";
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_stats" DROP CONSTRAINT "fluxcore_vector_store_stats_vector_store_id_fk";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_tools" DROP CONSTRAINT "fluxcore_assistant_tools_tool_connection_id_fk";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_tools" DROP CONSTRAINT "fluxcore_assistant_tools_assistant_id_fk";
--> statement-breakpoint
-- fluxcore:destructive column=workspace_members.invited_at
ALTER TABLE "workspace_members" DROP COLUMN "invited_at";
--> statement-breakpoint
-- fluxcore:destructive column=website_configs.build_hash
ALTER TABLE "website_configs" DROP COLUMN "build_hash";
--> statement-breakpoint
-- fluxcore:destructive column=website_configs.published_at
ALTER TABLE "website_configs" DROP COLUMN "published_at";
--> statement-breakpoint
-- fluxcore:destructive column=website_configs.custom_domain_verified
ALTER TABLE "website_configs" DROP COLUMN "custom_domain_verified";
--> statement-breakpoint
-- fluxcore:destructive column=protected_accounts.owner_user_id
ALTER TABLE "protected_accounts" DROP COLUMN "owner_user_id";
--> statement-breakpoint
-- fluxcore:destructive column=plan_assets.is_ready
ALTER TABLE "plan_assets" DROP COLUMN "is_ready";
--> statement-breakpoint
-- fluxcore:destructive column=media_attachments.thumbnail_url
ALTER TABLE "media_attachments" DROP COLUMN "thumbnail_url";
--> statement-breakpoint
-- fluxcore:destructive column=media_attachments.duration_seconds
ALTER TABLE "media_attachments" DROP COLUMN "duration_seconds";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_stores.last_modified_by
ALTER TABLE "fluxcore_vector_stores" DROP COLUMN "last_modified_by";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_stores.expiration_days
ALTER TABLE "fluxcore_vector_stores" DROP COLUMN "expiration_days";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_stores.expiration_policy
ALTER TABLE "fluxcore_vector_stores" DROP COLUMN "expiration_policy";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_stores.usage_bytes
ALTER TABLE "fluxcore_vector_stores" DROP COLUMN "usage_bytes";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_stores.size_bytes
ALTER TABLE "fluxcore_vector_stores" DROP COLUMN "size_bytes";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_stores.file_count
ALTER TABLE "fluxcore_vector_stores" DROP COLUMN "file_count";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_store_files.last_modified_by
ALTER TABLE "fluxcore_vector_store_files" DROP COLUMN "last_modified_by";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_store_files.error_message
ALTER TABLE "fluxcore_vector_store_files" DROP COLUMN "error_message";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_store_files.size_bytes
ALTER TABLE "fluxcore_vector_store_files" DROP COLUMN "size_bytes";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_vector_store_files.mime_type
ALTER TABLE "fluxcore_vector_store_files" DROP COLUMN "mime_type";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_usage_logs.billing_period_end
ALTER TABLE "fluxcore_usage_logs" DROP COLUMN "billing_period_end";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_usage_logs.billing_period_start
ALTER TABLE "fluxcore_usage_logs" DROP COLUMN "billing_period_start";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_usage_logs.processing_time_ms
ALTER TABLE "fluxcore_usage_logs" DROP COLUMN "processing_time_ms";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_usage_logs.chunks_processed
ALTER TABLE "fluxcore_usage_logs" DROP COLUMN "chunks_processed";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_tool_definitions.icon
ALTER TABLE "fluxcore_tool_definitions" DROP COLUMN "icon";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.metadata_fields
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "metadata_fields";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.extract_metadata
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "extract_metadata";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.ocr_language
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "ocr_language";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.ocr_enabled
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "ocr_enabled";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.supported_mime_types
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "supported_mime_types";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.rerank_top_n
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "rerank_top_n";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.rerank_model
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "rerank_model";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.rerank_provider
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "rerank_provider";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.hybrid_keyword_weight
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "hybrid_keyword_weight";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.retrieval_max_tokens
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "retrieval_max_tokens";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.embedding_api_key_ref
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "embedding_api_key_ref";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.embedding_endpoint_url
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "embedding_endpoint_url";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.embedding_batch_size
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "embedding_batch_size";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.max_chunk_size
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "max_chunk_size";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.min_chunk_size
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "min_chunk_size";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.chunk_custom_regex
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "chunk_custom_regex";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.chunk_separators
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "chunk_separators";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.is_default
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "is_default";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_rag_configurations.name
ALTER TABLE "fluxcore_rag_configurations" DROP COLUMN "name";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.next_payment_at
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "next_payment_at";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.last_payment_at
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "last_payment_at";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.total_paid_cents
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "total_paid_cents";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.queries_total
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "queries_total";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.queries_this_period
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "queries_this_period";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.tokens_used_total
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "tokens_used_total";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.tokens_used_this_period
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "tokens_used_this_period";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_subscriptions.access_mode
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "access_mode";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.rating_count
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "rating_count";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.rating_average
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "rating_average";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.total_queries
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "total_queries";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.total_revenue_cents
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "total_revenue_cents";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.total_subscribers
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "total_subscribers";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.featured_until
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "featured_until";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.featured
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "featured";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.preview_chunk_limit
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "preview_chunk_limit";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.preview_enabled
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "preview_enabled";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.search_keywords
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "search_keywords";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.screenshots
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "screenshots";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.demo_url
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "demo_url";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.terms_url
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "terms_url";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.license_type
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "license_type";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.usage_price_per_1k_tokens
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "usage_price_per_1k_tokens";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_marketplace_listings.price_cents
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "price_cents";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_instructions.last_modified_by
ALTER TABLE "fluxcore_instructions" DROP COLUMN "last_modified_by";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.updated_at
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "updated_at";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.end_char
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "end_char";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.start_char
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "start_char";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.section_title
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "section_title";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.page_number
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "page_number";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_assistants.last_modified_by
ALTER TABLE "fluxcore_assistants" DROP COLUMN "last_modified_by";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_assistants.tokens_used
ALTER TABLE "fluxcore_assistants" DROP COLUMN "tokens_used";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_assistants.size_bytes
ALTER TABLE "fluxcore_assistants" DROP COLUMN "size_bytes";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_asset_permissions.notes
ALTER TABLE "fluxcore_asset_permissions" DROP COLUMN "notes";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_asset_permissions.granted_at
ALTER TABLE "fluxcore_asset_permissions" DROP COLUMN "granted_at";
--> statement-breakpoint
-- fluxcore:destructive column=extension_installations.can_share_permissions
ALTER TABLE "extension_installations" DROP COLUMN "can_share_permissions";
--> statement-breakpoint
-- fluxcore:destructive column=extension_installations.permissions_granted_at
ALTER TABLE "extension_installations" DROP COLUMN "permissions_granted_at";
--> statement-breakpoint
-- fluxcore:destructive column=assets.retention_policy
ALTER TABLE "assets" DROP COLUMN "retention_policy";
--> statement-breakpoint
-- fluxcore:destructive column=assets.encryption_key_id
ALTER TABLE "assets" DROP COLUMN "encryption_key_id";
--> statement-breakpoint
-- fluxcore:destructive column=assets.encryption
ALTER TABLE "assets" DROP COLUMN "encryption";
--> statement-breakpoint
-- fluxcore:destructive column=asset_upload_sessions.allowed_mime_types
ALTER TABLE "asset_upload_sessions" DROP COLUMN "allowed_mime_types";
--> statement-breakpoint
-- fluxcore:destructive column=asset_upload_sessions.max_size_bytes
ALTER TABLE "asset_upload_sessions" DROP COLUMN "max_size_bytes";
--> statement-breakpoint
-- fluxcore:destructive column=asset_policies.audit_all_access
ALTER TABLE "asset_policies" DROP COLUMN "audit_all_access";
--> statement-breakpoint
-- fluxcore:destructive column=asset_policies.allow_public_access
ALTER TABLE "asset_policies" DROP COLUMN "allow_public_access";
--> statement-breakpoint
-- fluxcore:destructive column=asset_policies.require_encryption
ALTER TABLE "asset_policies" DROP COLUMN "require_encryption";
--> statement-breakpoint
-- fluxcore:destructive column=asset_policies.dedup_scope
ALTER TABLE "asset_policies" DROP COLUMN "dedup_scope";
--> statement-breakpoint
-- fluxcore:destructive column=asset_policies.max_ttl_seconds
ALTER TABLE "asset_policies" DROP COLUMN "max_ttl_seconds";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_logs.requester_account_id
ALTER TABLE "account_deletion_logs" DROP COLUMN "requester_account_id";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_logs.requester_user_id
ALTER TABLE "account_deletion_logs" DROP COLUMN "requester_user_id";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_jobs.metadata
ALTER TABLE "account_deletion_jobs" DROP COLUMN "metadata";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_jobs.snapshot_acknowledged_at
ALTER TABLE "account_deletion_jobs" DROP COLUMN "snapshot_acknowledged_at";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_jobs.snapshot_download_count
ALTER TABLE "account_deletion_jobs" DROP COLUMN "snapshot_download_count";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_jobs.snapshot_downloaded_at
ALTER TABLE "account_deletion_jobs" DROP COLUMN "snapshot_downloaded_at";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_jobs.snapshot_url
ALTER TABLE "account_deletion_jobs" DROP COLUMN "snapshot_url";
--> statement-breakpoint
-- fluxcore:destructive column=account_deletion_jobs.requester_account_id
ALTER TABLE "account_deletion_jobs" DROP COLUMN "requester_account_id";
--> statement-breakpoint
ALTER TABLE "workspaces" ALTER COLUMN "name" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "context" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "perspective_b" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "perspective_a" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "content" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "mime_type" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "filename" SET DATA TYPE character varying(500);
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "usage" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "file_counts" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "version" SET DEFAULT 1;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "version" SET DATA TYPE integer;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "chunks_received" SET DATA TYPE integer;
--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "client_name" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "appointment_staff" ALTER COLUMN "name" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "duration_minutes" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "name" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "display_name" SET DATA TYPE character varying(200);
--> statement-breakpoint
ALTER TABLE "template_assets" RENAME COLUMN "linked_at" TO "created_at";
--> statement-breakpoint
ALTER TABLE "relationships" RENAME COLUMN "last_interaction" TO "last_interaction_at";
--> statement-breakpoint
ALTER TABLE "plan_assets" RENAME COLUMN "linked_at" TO "created_at";
--> statement-breakpoint
ALTER TABLE "message_assets" RENAME COLUMN "linked_at" TO "created_at";
--> statement-breakpoint
ALTER TABLE "media_attachments" RENAME COLUMN "waveform_data" TO "waveform";
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" RENAME COLUMN "request_metadata" TO "metadata";
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" RENAME COLUMN "api_calls" TO "request_count";
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" RENAME COLUMN "tokens_used" TO "total_tokens";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" RENAME COLUMN "is_enabled" TO "enabled";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "rerank_enabled" TO "reranking";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "hybrid_search_enabled" TO "hybrid_search";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "retrieval_min_score" TO "min_score";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "retrieval_top_k" TO "top_k";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "chunk_overlap_tokens" TO "chunk_overlap";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" RENAME COLUMN "chunk_size_tokens" TO "chunk_size";
--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" RENAME COLUMN "amount_credits" TO "amount";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" RENAME COLUMN "order" TO "sort_order";
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" RENAME COLUMN "daily_limit_credits" TO "daily_limit";
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" RENAME COLUMN "monthly_limit_credits" TO "monthly_limit";
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" RENAME COLUMN "balance_credits" TO "balance";
--> statement-breakpoint
ALTER TABLE "extension_installations" RENAME COLUMN "installed_at" TO "created_at";
--> statement-breakpoint
ALTER TABLE "assets" RENAME COLUMN "hard_delete_at" TO "retention_until";
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" RENAME COLUMN "bytes_uploaded" TO "received_bytes";
--> statement-breakpoint
ALTER TABLE "asset_policies" RENAME COLUMN "default_ttl_seconds" TO "ttl_seconds";
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" RENAME COLUMN "timestamp" TO "created_at";
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" RENAME COLUMN "metadata" TO "details";
--> statement-breakpoint
ALTER TABLE "appointment_staff" RENAME COLUMN "services" TO "service_ids";
--> statement-breakpoint
CREATE INDEX asset_audit_logs_account_created_idx ON public.asset_audit_logs USING btree (account_id, created_at);
--> statement-breakpoint
CREATE INDEX assets_retention_until_idx ON public.assets USING btree (retention_until) WHERE (retention_until IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD CONSTRAINT "fluxcore_usage_logs_counts_check" CHECK (((prompt_tokens >= 0) AND (completion_tokens >= 0) AND (total_tokens >= 0) AND (request_count >= 0)));
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_min_score_check" CHECK (((min_score >= (0)::double precision) AND (min_score <= (1)::double precision)));
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_top_k_check" CHECK (((top_k >= 1) AND (top_k <= 100)));
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_chunking_check" CHECK (((chunk_size > 0) AND (chunk_overlap >= 0) AND (chunk_overlap < chunk_size)));
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" ADD CONSTRAINT "fluxcore_assistant_instructions_sort_order_check" CHECK ((sort_order >= 0));
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ADD CONSTRAINT "fluxcore_account_credits_limits_check" CHECK ((((monthly_limit IS NULL) OR (monthly_limit >= (0)::numeric)) AND ((daily_limit IS NULL) OR (daily_limit >= (0)::numeric))));
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ADD CONSTRAINT "fluxcore_account_credits_amounts_check" CHECK (((balance >= (0)::numeric) AND (reserved >= (0)::numeric) AND (used_this_month >= (0)::numeric) AND (used_today >= (0)::numeric)));
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD CONSTRAINT "asset_upload_sessions_bytes_check" CHECK (((total_bytes >= 0) AND (received_bytes >= 0) AND (received_bytes <= total_bytes)));
--> statement-breakpoint
ALTER TABLE "asset_policies" ADD CONSTRAINT "asset_policies_limits_check" CHECK (((ttl_seconds > 0) AND ((max_file_size_bytes IS NULL) OR (max_file_size_bytes > 0)) AND ((retention_days IS NULL) OR (retention_days > 0))));
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_vector_store_stats
DROP TABLE "fluxcore_vector_store_stats" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_system_metrics
DROP TABLE "fluxcore_system_metrics" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_query_cache
DROP TABLE "fluxcore_query_cache" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_pricing_config
DROP TABLE "fluxcore_pricing_config" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_assistant_tools
DROP TABLE "fluxcore_assistant_tools" CASCADE;
--> statement-breakpoint
-- actor_type: drop the values 0026 added (builtin_ai); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."actor_type" RENAME TO "actor_type__0026";
--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('user', 'account', 'extension', 'system');
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" SET DATA TYPE "public"."actor_type" USING "actor_type"::text::"public"."actor_type";
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" SET DEFAULT 'account'::actor_type;
--> statement-breakpoint
DROP TYPE "public"."actor_type__0026";
--> statement-breakpoint
-- fluxcore_asset_permission_source: drop the values 0026 added (shared, public); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."fluxcore_asset_permission_source" RENAME TO "fluxcore_asset_permission_source__0026";
--> statement-breakpoint
CREATE TYPE "public"."fluxcore_asset_permission_source" AS ENUM('manual', 'marketplace', 'system');
--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ALTER COLUMN "source" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ALTER COLUMN "source" SET DATA TYPE "public"."fluxcore_asset_permission_source" USING "source"::text::"public"."fluxcore_asset_permission_source";
--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ALTER COLUMN "source" SET DEFAULT 'manual'::fluxcore_asset_permission_source;
--> statement-breakpoint
DROP TYPE "public"."fluxcore_asset_permission_source__0026";
--> statement-breakpoint
-- asset_visibility: drop the values 0026 added (marketplace); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."asset_visibility" RENAME TO "asset_visibility__0026";
--> statement-breakpoint
CREATE TYPE "public"."asset_visibility" AS ENUM('private', 'shared', 'public');
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" SET DATA TYPE "public"."asset_visibility" USING "visibility"::text::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" SET DEFAULT 'private'::asset_visibility;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" SET DATA TYPE "public"."asset_visibility" USING "visibility"::text::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" SET DEFAULT 'public'::asset_visibility;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" SET DATA TYPE "public"."asset_visibility" USING "visibility"::text::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" SET DEFAULT 'private'::asset_visibility;
--> statement-breakpoint
DROP TYPE "public"."asset_visibility__0026";
--> statement-breakpoint
-- fluxcore_credit_transaction_type: drop the values 0026 added (bonus, subscription); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."fluxcore_credit_transaction_type" RENAME TO "fluxcore_credit_transaction_type__0026";
--> statement-breakpoint
CREATE TYPE "public"."fluxcore_credit_transaction_type" AS ENUM('purchase', 'usage', 'refund', 'adjustment', 'subscription_grant');
--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" ALTER COLUMN "transaction_type" SET DATA TYPE "public"."fluxcore_credit_transaction_type" USING "transaction_type"::text::"public"."fluxcore_credit_transaction_type";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_credit_transaction_type__0026";
--> statement-breakpoint
-- fluxcore_marketplace_listing_status: drop the values 0026 added (pending_review, active); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."fluxcore_marketplace_listing_status" RENAME TO "fluxcore_marketplace_listing_status__0026";
--> statement-breakpoint
CREATE TYPE "public"."fluxcore_marketplace_listing_status" AS ENUM('draft', 'published', 'suspended', 'archived');
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "status" SET DATA TYPE "public"."fluxcore_marketplace_listing_status" USING "status"::text::"public"."fluxcore_marketplace_listing_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "status" SET DEFAULT 'draft'::fluxcore_marketplace_listing_status;
--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_listing_status__0026";
--> statement-breakpoint
-- message_status: drop the values 0026 added (local_only, pending_backend, sent); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."message_status" RENAME TO "message_status__0026";
--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('pending', 'synced', 'delivered', 'seen', 'failed');
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" SET DATA TYPE "public"."message_status" USING "status"::text::"public"."message_status";
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" SET DEFAULT 'synced'::message_status;
--> statement-breakpoint
DROP TYPE "public"."message_status__0026";
--> statement-breakpoint
-- plan_asset_dependency_type: drop the values 0026 added (output); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."plan_asset_dependency_type" RENAME TO "plan_asset_dependency_type__0026";
--> statement-breakpoint
CREATE TYPE "public"."plan_asset_dependency_type" AS ENUM('required', 'optional');
--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "dependency_type" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "dependency_type" SET DATA TYPE "public"."plan_asset_dependency_type" USING "dependency_type"::text::"public"."plan_asset_dependency_type";
--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "dependency_type" SET DEFAULT 'required'::plan_asset_dependency_type;
--> statement-breakpoint
DROP TYPE "public"."plan_asset_dependency_type__0026";
--> statement-breakpoint
-- rag_chunking_strategy: drop the values 0026 added (page, custom); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."rag_chunking_strategy" RENAME TO "rag_chunking_strategy__0026";
--> statement-breakpoint
CREATE TYPE "public"."rag_chunking_strategy" AS ENUM('fixed', 'recursive', 'sentence', 'paragraph', 'semantic');
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" SET DATA TYPE "public"."rag_chunking_strategy" USING "chunking_strategy"::text::"public"."rag_chunking_strategy";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" SET DEFAULT 'recursive'::rag_chunking_strategy;
--> statement-breakpoint
DROP TYPE "public"."rag_chunking_strategy__0026";
--> statement-breakpoint
-- tool_type: drop the values 0026 added (mcp, http); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."tool_type" RENAME TO "tool_type__0026";
--> statement-breakpoint
CREATE TYPE "public"."tool_type" AS ENUM('internal', 'external');
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" SET DATA TYPE "public"."tool_type" USING "type"::text::"public"."tool_type";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" SET DEFAULT 'internal'::tool_type;
--> statement-breakpoint
DROP TYPE "public"."tool_type__0026";
--> statement-breakpoint
-- usage_resource_type: drop the values 0026 added (embedding, retrieval, document_processing, storage, api_call); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."usage_resource_type" RENAME TO "usage_resource_type__0026";
--> statement-breakpoint
CREATE TYPE "public"."usage_resource_type" AS ENUM('assistant', 'instruction', 'vector_store', 'file', 'tool');
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "resource_type" SET DATA TYPE "public"."usage_resource_type" USING "resource_type"::text::"public"."usage_resource_type";
--> statement-breakpoint
DROP TYPE "public"."usage_resource_type__0026";
--> statement-breakpoint
-- vector_store_access_mode: drop the values 0026 added (read_write); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."vector_store_access_mode" RENAME TO "vector_store_access_mode__0026";
--> statement-breakpoint
CREATE TYPE "public"."vector_store_access_mode" AS ENUM('read', 'write');
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" SET DATA TYPE "public"."vector_store_access_mode" USING "access_mode"::text::"public"."vector_store_access_mode";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" SET DEFAULT 'read'::vector_store_access_mode;
--> statement-breakpoint
DROP TYPE "public"."vector_store_access_mode__0026";
--> statement-breakpoint
-- vector_store_file_status: drop the values 0026 added (pending, processing); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."vector_store_file_status" RENAME TO "vector_store_file_status__0026";
--> statement-breakpoint
CREATE TYPE "public"."vector_store_file_status" AS ENUM('in_progress', 'completed', 'failed', 'cancelled');
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" SET DATA TYPE "public"."vector_store_file_status" USING "status"::text::"public"."vector_store_file_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" SET DEFAULT 'in_progress'::vector_store_file_status;
--> statement-breakpoint
DROP TYPE "public"."vector_store_file_status__0026";
--> statement-breakpoint
-- vector_store_source: drop the values 0026 added (cache); PostgreSQL cannot drop an enum value, so the type is rebuilt.
--> statement-breakpoint
ALTER TYPE "public"."vector_store_source" RENAME TO "vector_store_source__0026";
--> statement-breakpoint
CREATE TYPE "public"."vector_store_source" AS ENUM('primary', 'marketplace');
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" SET DATA TYPE "public"."vector_store_source" USING "source"::text::"public"."vector_store_source";
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" SET DEFAULT 'primary'::vector_store_source;
--> statement-breakpoint
DROP TYPE "public"."vector_store_source__0026";
