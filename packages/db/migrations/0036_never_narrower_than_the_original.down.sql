-- Down of 0036_never_narrower_than_the_original: back to the schema 0035_drop_document_chunks_file_fk left.
-- Written by db:generate from meta/0036_snapshot.json and meta/0035_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
CREATE TYPE "public"."appointment_status" AS ENUM('pending', 'confirmed', 'cancelled', 'completed', 'no_show');
--> statement-breakpoint
CREATE TYPE "public"."asset_visibility" AS ENUM('private', 'shared', 'public', 'marketplace');
--> statement-breakpoint
CREATE TYPE "public"."assistant_status" AS ENUM('draft', 'production', 'disabled');
--> statement-breakpoint
CREATE TYPE "public"."credits_ledger_entry_type" AS ENUM('grant', 'spend', 'refund', 'adjustment', 'expiry');
--> statement-breakpoint
CREATE TYPE "public"."instruction_status" AS ENUM('draft', 'production', 'disabled');
--> statement-breakpoint
CREATE TYPE "public"."fluxcore_marketplace_review_status" AS ENUM('pending', 'published', 'hidden', 'flagged');
--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('pending', 'synced', 'delivered', 'seen', 'failed', 'local_only', 'pending_backend', 'sent');
--> statement-breakpoint
CREATE TYPE "public"."rag_chunking_strategy" AS ENUM('fixed', 'recursive', 'sentence', 'paragraph', 'semantic', 'page', 'custom');
--> statement-breakpoint
CREATE TYPE "public"."tool_auth_type" AS ENUM('none', 'api_key', 'oauth2');
--> statement-breakpoint
CREATE TYPE "public"."tool_connection_status" AS ENUM('connected', 'disconnected', 'error');
--> statement-breakpoint
CREATE TYPE "public"."tool_type" AS ENUM('internal', 'external', 'mcp', 'http');
--> statement-breakpoint
CREATE TYPE "public"."usage_operation" AS ENUM('chat_completion', 'embedding', 'retrieval', 'rerank', 'tool_call', 'file_processing');
--> statement-breakpoint
CREATE TYPE "public"."vector_store_access_mode" AS ENUM('read', 'write', 'read_write');
--> statement-breakpoint
CREATE TYPE "public"."vector_store_file_status" AS ENUM('in_progress', 'completed', 'failed', 'cancelled', 'pending', 'processing');
--> statement-breakpoint
CREATE TYPE "public"."vector_store_source" AS ENUM('primary', 'marketplace', 'cache');
--> statement-breakpoint
CREATE TYPE "public"."vector_store_status" AS ENUM('draft', 'production', 'disabled', 'expired');
--> statement-breakpoint
ALTER TABLE "account_locations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_runtime_config" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_signals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_suggestions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_traces" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "asset_enrichments" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "chatcore_outbox" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "conversation_participants" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_policies" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_action_audit" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_actor_address_links" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_actor_identity_links" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_actors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_addresses" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_agent_assistants" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_agents" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_cognition_queue" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_decision_events" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_external_effect_claims" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_external_effects" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_outbox" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_projector_cursors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_projector_errors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_proposed_works" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_reality_adapters" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_semantic_contexts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_session_projection" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_signals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_work_definitions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_work_events" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_work_slots" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_works" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "message_visibility" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "special_dates" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "special_intervals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "weekly_intervals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "weekly_schedules" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- fluxcore:destructive table=account_locations
DROP TABLE "account_locations" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=account_runtime_config
DROP TABLE "account_runtime_config" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=ai_signals
DROP TABLE "ai_signals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=ai_suggestions
DROP TABLE "ai_suggestions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=ai_traces
DROP TABLE "ai_traces" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=asset_enrichments
DROP TABLE "asset_enrichments" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=chatcore_outbox
DROP TABLE "chatcore_outbox" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=conversation_participants
DROP TABLE "conversation_participants" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_account_actor_contexts
DROP TABLE "fluxcore_account_actor_contexts" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_account_policies
DROP TABLE "fluxcore_account_policies" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_action_audit
DROP TABLE "fluxcore_action_audit" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_actor_address_links
DROP TABLE "fluxcore_actor_address_links" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_actor_identity_links
DROP TABLE "fluxcore_actor_identity_links" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_actors
DROP TABLE "fluxcore_actors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_addresses
DROP TABLE "fluxcore_addresses" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_agent_assistants
DROP TABLE "fluxcore_agent_assistants" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_agents
DROP TABLE "fluxcore_agents" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_cognition_queue
DROP TABLE "fluxcore_cognition_queue" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_decision_events
DROP TABLE "fluxcore_decision_events" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_external_effect_claims
DROP TABLE "fluxcore_external_effect_claims" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_external_effects
DROP TABLE "fluxcore_external_effects" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_outbox
DROP TABLE "fluxcore_outbox" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_projector_cursors
DROP TABLE "fluxcore_projector_cursors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_projector_errors
DROP TABLE "fluxcore_projector_errors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_proposed_works
DROP TABLE "fluxcore_proposed_works" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_reality_adapters
DROP TABLE "fluxcore_reality_adapters" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_semantic_contexts
DROP TABLE "fluxcore_semantic_contexts" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_session_projection
DROP TABLE "fluxcore_session_projection" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_signals
DROP TABLE "fluxcore_signals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_work_definitions
DROP TABLE "fluxcore_work_definitions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_work_events
DROP TABLE "fluxcore_work_events" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_work_slots
DROP TABLE "fluxcore_work_slots" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_works
DROP TABLE "fluxcore_works" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=message_visibility
DROP TABLE "message_visibility" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=special_dates
DROP TABLE "special_dates" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=special_intervals
DROP TABLE "special_intervals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=weekly_intervals
DROP TABLE "weekly_intervals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=weekly_schedules
DROP TABLE "weekly_schedules" CASCADE;
--> statement-breakpoint
ALTER TABLE "conversations" DROP CONSTRAINT "conversation_type_valid";
--> statement-breakpoint
ALTER TABLE "credits_ledger" DROP CONSTRAINT "credits_ledger_delta_sign_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" DROP CONSTRAINT "fluxcore_tool_connections_auth_config_check";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "message_deleted_scope_valid";
--> statement-breakpoint
ALTER TABLE "relationships" DROP CONSTRAINT "no_self_relationship";
--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_avatar_asset_id_fkey";
--> statement-breakpoint
ALTER TABLE "actors" DROP CONSTRAINT "actors_tenant_id_fk";
--> statement-breakpoint
ALTER TABLE "actors" DROP CONSTRAINT "actors_linked_account_id_fk";
--> statement-breakpoint
ALTER TABLE "conversations" DROP CONSTRAINT "conversations_owner_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "relationships" DROP CONSTRAINT "relationships_actor_a_id_fkey";
--> statement-breakpoint
ALTER TABLE "relationships" DROP CONSTRAINT "relationships_actor_b_id_fkey";
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" SET DATA TYPE text;
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" SET DEFAULT 'account'::text;
--> statement-breakpoint
DROP TYPE "public"."actor_type";
--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('user', 'account', 'extension', 'system', 'builtin_ai');
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" SET DEFAULT 'account'::"public"."actor_type";
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "actor_type" SET DATA TYPE "public"."actor_type" USING "actor_type"::"public"."actor_type";
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "actor_type" SET DATA TYPE text;
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "actor_type" SET DEFAULT 'system'::text;
--> statement-breakpoint
DROP TYPE "public"."asset_audit_actor_type";
--> statement-breakpoint
CREATE TYPE "public"."asset_audit_actor_type" AS ENUM('user', 'assistant', 'system', 'api');
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "actor_type" SET DEFAULT 'system'::"public"."asset_audit_actor_type";
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "actor_type" SET DATA TYPE "public"."asset_audit_actor_type" USING "actor_type"::"public"."asset_audit_actor_type";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "runtime" SET DATA TYPE text;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "runtime" SET DEFAULT 'local'::text;
--> statement-breakpoint
DROP TYPE "public"."assistant_runtime";
--> statement-breakpoint
CREATE TYPE "public"."assistant_runtime" AS ENUM('local', 'openai');
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "runtime" SET DEFAULT 'local'::"public"."assistant_runtime";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "runtime" SET DATA TYPE "public"."assistant_runtime" USING "runtime"::"public"."assistant_runtime";
--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "mode" SET DATA TYPE text;
--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "mode" SET DEFAULT 'supervised'::text;
--> statement-breakpoint
DROP TYPE "public"."automation_mode";
--> statement-breakpoint
CREATE TYPE "public"."automation_mode" AS ENUM('automatic', 'supervised', 'disabled');
--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "mode" SET DEFAULT 'supervised'::"public"."automation_mode";
--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "mode" SET DATA TYPE "public"."automation_mode" USING "mode"::"public"."automation_mode";
--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "channel" SET DATA TYPE text;
--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "channel" SET DEFAULT 'web'::text;
--> statement-breakpoint
DROP TYPE "public"."conversation_channel";
--> statement-breakpoint
CREATE TYPE "public"."conversation_channel" AS ENUM('web', 'whatsapp', 'instagram', 'telegram', 'email', 'sms');
--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "channel" SET DEFAULT 'web'::"public"."conversation_channel";
--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "channel" SET DATA TYPE "public"."conversation_channel" USING "channel"::"public"."conversation_channel";
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "generated_by" SET DATA TYPE text;
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "generated_by" SET DEFAULT 'human'::text;
--> statement-breakpoint
DROP TYPE "public"."message_generator";
--> statement-breakpoint
CREATE TYPE "public"."message_generator" AS ENUM('human', 'ai', 'automation');
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "generated_by" SET DEFAULT 'human'::"public"."message_generator";
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "generated_by" SET DATA TYPE "public"."message_generator" USING "generated_by"::"public"."message_generator";
--> statement-breakpoint
DROP INDEX "idx_accounts_avatar_asset_id";
--> statement-breakpoint
DROP INDEX "actors_tenant_id_idx";
--> statement-breakpoint
DROP INDEX "actors_linked_account_id_idx";
--> statement-breakpoint
DROP INDEX "actors_external_key_idx";
--> statement-breakpoint
DROP INDEX "idx_conversations_owner_account";
--> statement-breakpoint
DROP INDEX "idx_conversations_visitor_token";
--> statement-breakpoint
DROP INDEX "fluxcore_document_chunks_file_model_chunk_key";
--> statement-breakpoint
DROP INDEX "fluxcore_rag_configurations_account_id_idx";
--> statement-breakpoint
DROP INDEX "idx_messages_parent";
--> statement-breakpoint
DROP INDEX "idx_messages_original";
--> statement-breakpoint
DROP INDEX "ux_messages_signal_id";
--> statement-breakpoint
DROP INDEX "idx_relationships_actors";
--> statement-breakpoint
DROP INDEX "idx_templates_trigger";
--> statement-breakpoint
DROP INDEX "website_configs_custom_domain_key";
--> statement-breakpoint
ALTER TABLE "account_ai_entitlements" ALTER COLUMN "allowed_providers" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ALTER COLUMN "status" SET DATA TYPE "public"."account_deletion_job_status" USING "status"::"public"."account_deletion_job_status";
--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "role" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "price" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "currency" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."appointment_status";
--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "status" SET DATA TYPE "public"."appointment_status" USING "status"::"public"."appointment_status";
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "account_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "success" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "metadata" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "scope" SET DATA TYPE "public"."asset_scope" USING "scope"::"public"."asset_scope";
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "allowed_mime_types" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "dedup_scope" SET DEFAULT 'intra_account'::"public"."asset_dedup_policy";
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "dedup_scope" SET DATA TYPE "public"."asset_dedup_policy" USING "dedup_scope"::"public"."asset_dedup_policy";
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "dedup_scope" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "require_encryption" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "allow_public_access" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "audit_all_access" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "is_active" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "created_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "updated_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "total_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "bytes_uploaded" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "allowed_mime_types" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "chunks_total" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "chunks_received" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "created_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "updated_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "mime_type" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "size_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "storage_provider" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "metadata" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "created_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "updated_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "config" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "relationship_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "credits_ledger" ALTER COLUMN "wallet_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "credits_ledger" ALTER COLUMN "entry_type" SET DATA TYPE "public"."credits_ledger_entry_type" USING "entry_type"::"public"."credits_ledger_entry_type";
--> statement-breakpoint
ALTER TABLE "credits_policies" ALTER COLUMN "duration_hours" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "extension_installations" ALTER COLUMN "config" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "extension_installations" ALTER COLUMN "granted_permissions" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "extension_installations" ALTER COLUMN "can_share_permissions" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "balance_credits" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "used_this_month" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "used_today" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "plan_type" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "alert_threshold_percent" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" SET DEFAULT 'read'::vector_store_access_mode;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" SET DATA TYPE vector_store_access_mode USING "access_mode"::vector_store_access_mode;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."assistant_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "status" SET DATA TYPE "public"."assistant_status" USING "status"::"public"."assistant_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "size_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "tokens_used" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" ALTER COLUMN "balance_after" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "vector_store_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "metadata" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "embedding" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "mime_type" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "size_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "content_hash" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "created_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "updated_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "size_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "tokens_estimated" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "word_count" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "line_count" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" SET DEFAULT 'private'::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" SET DATA TYPE "public"."asset_visibility" USING "visibility"::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."instruction_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "status" SET DATA TYPE "public"."instruction_status" USING "status"::"public"."instruction_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "tags" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "currency" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "price_cents" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "license_type" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "screenshots" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "search_keywords" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "preview_enabled" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "preview_chunk_limit" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "featured" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "total_subscribers" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "total_revenue_cents" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "total_queries" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "rating_count" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "status" SET DEFAULT 'published'::"public"."fluxcore_marketplace_review_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "status" SET DATA TYPE "public"."fluxcore_marketplace_review_status" USING "status"::"public"."fluxcore_marketplace_review_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "status" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "helpful_count" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "access_mode" SET DEFAULT 'read'::vector_store_access_mode;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "access_mode" SET DATA TYPE vector_store_access_mode USING "access_mode"::vector_store_access_mode;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "access_mode" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "tokens_used_this_period" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "tokens_used_total" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "queries_this_period" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "queries_total" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "total_paid_cents" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "is_default" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" SET DEFAULT 'recursive'::"public"."rag_chunking_strategy";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" SET DATA TYPE "public"."rag_chunking_strategy" USING "chunking_strategy"::"public"."rag_chunking_strategy";
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunk_size_tokens" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunk_overlap_tokens" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunk_separators" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "min_chunk_size" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "max_chunk_size" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "embedding_model" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "embedding_dimensions" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "embedding_batch_size" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_top_k" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_max_tokens" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "hybrid_search_enabled" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "hybrid_keyword_weight" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "rerank_enabled" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "rerank_top_n" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "supported_mime_types" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "ocr_enabled" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "ocr_language" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "extract_metadata" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "metadata_fields" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ALTER COLUMN "status" SET DEFAULT 'disconnected'::"public"."tool_connection_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ALTER COLUMN "status" SET DATA TYPE "public"."tool_connection_status" USING "status"::"public"."tool_connection_status";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" SET DEFAULT 'internal'::"public"."tool_type";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" SET DATA TYPE "public"."tool_type" USING "type"::"public"."tool_type";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" SET DEFAULT 'public'::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" SET DATA TYPE "public"."asset_visibility" USING "visibility"::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "schema" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "auth_type" SET DEFAULT 'none'::"public"."tool_auth_type";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "auth_type" SET DATA TYPE "public"."tool_auth_type" USING "auth_type"::"public"."tool_auth_type";
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "operation" SET DATA TYPE "public"."usage_operation" USING "operation"::"public"."usage_operation";
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "tokens_used" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "chunks_processed" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "api_calls" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "processing_time_ms" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "cost_credits" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "request_metadata" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "file_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "name" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" SET DEFAULT 'in_progress'::vector_store_file_status;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" SET DATA TYPE vector_store_file_status USING "status"::vector_store_file_status;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "attributes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "chunking_strategy" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "last_error" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "chunk_count" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "usage_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "size_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" SET DEFAULT 'private'::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" SET DATA TYPE "public"."asset_visibility" USING "visibility"::"public"."asset_visibility";
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "status" SET DEFAULT 'draft'::vector_store_status;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "status" SET DATA TYPE vector_store_status USING "status"::vector_store_status;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" SET DEFAULT 'primary'::vector_store_source;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" SET DATA TYPE vector_store_source USING "source"::vector_store_source;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "metadata" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "file_counts" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "file_count" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "size_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "usage_bytes" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "expiration_policy" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "expires_after" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "message_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "waveform_data" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "message_assets" ALTER COLUMN "linked_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" SET DEFAULT 'synced'::"public"."message_status";
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" SET DATA TYPE "public"."message_status" USING "status"::"public"."message_status";
--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "is_ready" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "linked_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "protected_accounts" ALTER COLUMN "reason" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "account_a_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "account_b_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "template_assets" ALTER COLUMN "linked_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "website_configs" ALTER COLUMN "custom_domain_verified" SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_document_chunks_file_chunk_key" ON "fluxcore_document_chunks" USING btree ("file_id","chunk_index");
--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_rag_configurations_account_id_key" ON "fluxcore_rag_configurations" USING btree ("account_id") WHERE "fluxcore_rag_configurations"."account_id" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "website_configs_custom_domain_key" ON "website_configs" USING btree ("custom_domain") WHERE "website_configs"."custom_domain" is not null;
--> statement-breakpoint
-- fluxcore:destructive column=accounts.allow_automated_use
ALTER TABLE "accounts" DROP COLUMN "allow_automated_use";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_name
ALTER TABLE "accounts" DROP COLUMN "ai_include_name";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_bio
ALTER TABLE "accounts" DROP COLUMN "ai_include_bio";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_private_context
ALTER TABLE "accounts" DROP COLUMN "ai_include_private_context";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_locations
ALTER TABLE "accounts" DROP COLUMN "ai_include_locations";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.avatar_asset_id
ALTER TABLE "accounts" DROP COLUMN "avatar_asset_id";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_timestamp
ALTER TABLE "accounts" DROP COLUMN "ai_include_timestamp";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_social_links
ALTER TABLE "accounts" DROP COLUMN "ai_include_social_links";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.social_links
ALTER TABLE "accounts" DROP COLUMN "social_links";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.brand_colors
ALTER TABLE "accounts" DROP COLUMN "brand_colors";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.country
ALTER TABLE "accounts" DROP COLUMN "country";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.timezone
ALTER TABLE "accounts" DROP COLUMN "timezone";
--> statement-breakpoint
-- fluxcore:destructive column=actors.external_key
ALTER TABLE "actors" DROP COLUMN "external_key";
--> statement-breakpoint
-- fluxcore:destructive column=actors.tenant_id
ALTER TABLE "actors" DROP COLUMN "tenant_id";
--> statement-breakpoint
-- fluxcore:destructive column=actors.linked_account_id
ALTER TABLE "actors" DROP COLUMN "linked_account_id";
--> statement-breakpoint
-- fluxcore:destructive column=actors.linked_at
ALTER TABLE "actors" DROP COLUMN "linked_at";
--> statement-breakpoint
-- fluxcore:destructive column=actors.migrated_from
ALTER TABLE "actors" DROP COLUMN "migrated_from";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_lat
ALTER TABLE "actors" DROP COLUMN "last_lat";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_lon
ALTER TABLE "actors" DROP COLUMN "last_lon";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_address
ALTER TABLE "actors" DROP COLUMN "last_address";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_location_at
ALTER TABLE "actors" DROP COLUMN "last_location_at";
--> statement-breakpoint
-- fluxcore:destructive column=appointment_services.allow_automated_use
ALTER TABLE "appointment_services" DROP COLUMN "allow_automated_use";
--> statement-breakpoint
-- fluxcore:destructive column=appointment_staff.allow_automated_use
ALTER TABLE "appointment_staff" DROP COLUMN "allow_automated_use";
--> statement-breakpoint
-- fluxcore:destructive column=assets.is_public
ALTER TABLE "assets" DROP COLUMN "is_public";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.conversation_type
ALTER TABLE "conversations" DROP COLUMN "conversation_type";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.owner_account_id
ALTER TABLE "conversations" DROP COLUMN "owner_account_id";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.visitor_token
ALTER TABLE "conversations" DROP COLUMN "visitor_token";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.identity_linked_at
ALTER TABLE "conversations" DROP COLUMN "identity_linked_at";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.frozen_at
ALTER TABLE "conversations" DROP COLUMN "frozen_at";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.frozen_reason
ALTER TABLE "conversations" DROP COLUMN "frozen_reason";
--> statement-breakpoint
-- fluxcore:destructive column=conversations.metadata
ALTER TABLE "conversations" DROP COLUMN "metadata";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.embedding_model
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "embedding_model";
--> statement-breakpoint
-- fluxcore:destructive column=fluxcore_document_chunks.dimensions
ALTER TABLE "fluxcore_document_chunks" DROP COLUMN "dimensions";
--> statement-breakpoint
-- fluxcore:destructive column=messages.event_type
ALTER TABLE "messages" DROP COLUMN "event_type";
--> statement-breakpoint
-- fluxcore:destructive column=messages.parent_id
ALTER TABLE "messages" DROP COLUMN "parent_id";
--> statement-breakpoint
-- fluxcore:destructive column=messages.original_id
ALTER TABLE "messages" DROP COLUMN "original_id";
--> statement-breakpoint
-- fluxcore:destructive column=messages.version
ALTER TABLE "messages" DROP COLUMN "version";
--> statement-breakpoint
-- fluxcore:destructive column=messages.is_current
ALTER TABLE "messages" DROP COLUMN "is_current";
--> statement-breakpoint
-- fluxcore:destructive column=messages.deleted_at
ALTER TABLE "messages" DROP COLUMN "deleted_at";
--> statement-breakpoint
-- fluxcore:destructive column=messages.deleted_by
ALTER TABLE "messages" DROP COLUMN "deleted_by";
--> statement-breakpoint
-- fluxcore:destructive column=messages.deleted_scope
ALTER TABLE "messages" DROP COLUMN "deleted_scope";
--> statement-breakpoint
-- fluxcore:destructive column=messages.overwritten_at
ALTER TABLE "messages" DROP COLUMN "overwritten_at";
--> statement-breakpoint
-- fluxcore:destructive column=messages.overwritten_by
ALTER TABLE "messages" DROP COLUMN "overwritten_by";
--> statement-breakpoint
-- fluxcore:destructive column=messages.redacted_at
ALTER TABLE "messages" DROP COLUMN "redacted_at";
--> statement-breakpoint
-- fluxcore:destructive column=messages.redacted_by
ALTER TABLE "messages" DROP COLUMN "redacted_by";
--> statement-breakpoint
-- fluxcore:destructive column=messages.signal_id
ALTER TABLE "messages" DROP COLUMN "signal_id";
--> statement-breakpoint
-- fluxcore:destructive column=messages.metadata
ALTER TABLE "messages" DROP COLUMN "metadata";
--> statement-breakpoint
-- fluxcore:destructive column=relationships.actor_a_id
ALTER TABLE "relationships" DROP COLUMN "actor_a_id";
--> statement-breakpoint
-- fluxcore:destructive column=relationships.actor_b_id
ALTER TABLE "relationships" DROP COLUMN "actor_b_id";
--> statement-breakpoint
-- fluxcore:destructive column=templates.allow_automated_use
ALTER TABLE "templates" DROP COLUMN "allow_automated_use";
--> statement-breakpoint
-- fluxcore:destructive column=templates.is_public
ALTER TABLE "templates" DROP COLUMN "is_public";
--> statement-breakpoint
-- fluxcore:destructive column=templates.trigger_keyword
ALTER TABLE "templates" DROP COLUMN "trigger_keyword";
--> statement-breakpoint
-- fluxcore:destructive column=website_configs.allow_automated_use
ALTER TABLE "website_configs" DROP COLUMN "allow_automated_use";
--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_delta_check" CHECK ("credits_ledger"."delta" <> 0);
--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_delta_sign_check" CHECK (("credits_ledger"."entry_type" in ('grant', 'refund') and "credits_ledger"."delta" > 0) or ("credits_ledger"."entry_type" in ('spend', 'expiry') and "credits_ledger"."delta" < 0) or "credits_ledger"."entry_type" = 'adjustment');
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_billing_period_check" CHECK (("fluxcore_marketplace_listings"."pricing_model" = 'subscription') = ("fluxcore_marketplace_listings"."billing_period" is not null));
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_one_scope_check" CHECK (((case when "fluxcore_rag_configurations"."vector_store_id" is null then 0 else 1 end) + (case when "fluxcore_rag_configurations"."account_id" is null then 0 else 1 end)) = 1);
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_embedding_dimensions_check" CHECK ("fluxcore_rag_configurations"."embedding_dimensions" = 1536);
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ADD CONSTRAINT "fluxcore_tool_connections_auth_config_check" CHECK (jsonb_typeof("fluxcore_tool_connections"."auth_config") = 'object' and "fluxcore_tool_connections"."auth_config" - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb);
--> statement-breakpoint
ALTER TABLE "website_configs" ADD CONSTRAINT "website_configs_custom_domain_lowercase_check" CHECK ("website_configs"."custom_domain" = lower("website_configs"."custom_domain"));
