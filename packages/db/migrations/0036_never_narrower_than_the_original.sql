-- Issue 22: the schema of record follows the May lineage (239c046), and is never narrower than
-- the original app. It gives back the NOT NULLs, enums and checks the original's types and write
-- paths do not support (src/schema/original/tightenings.ts lists what stays, with evidence),
-- and adds May's tables and columns (its signals come in 0037, whose enums are new), and the
-- tables the original's Drizzle schema declares that no file of it creates (kernel/,
-- locations/ and runtime/ of src/schema).
-- Reviewed squawk exceptions, for this file:
--   ban-drop-not-null: each NOT NULL dropped is one the original's own Drizzle type leaves
--     nullable; dropping it only widens what the column accepts.
--   changing-column-type: each enum becomes the original's varchar (every label fits, cast
--     through text); no value changes.
--   require-enum-value-ordering: new labels are appended on purpose; no code sorts by them.
--   prefer-timestamp-tz, prefer-identity: May's tables keep the original's types (timestamp
--     without time zone, bigserial), so a May database audits equal to the schema.
--   constraint-missing-not-valid, adding-foreign-key-constraint, require-concurrent-index-creation,
--   require-concurrent-index-deletion: the constraints, keys and indexes are on tables and
--     columns this migration creates (empty or null), or restate a wider rule; db:migrate runs
--     each migration in one transaction, where CONCURRENTLY is impossible. The timeouts below
--     bound the wait.
-- squawk-ignore-file ban-drop-not-null
-- squawk-ignore-file changing-column-type
-- squawk-ignore-file require-enum-value-ordering
-- squawk-ignore-file prefer-timestamp-tz
-- squawk-ignore-file prefer-identity
-- squawk-ignore-file constraint-missing-not-valid
-- squawk-ignore-file adding-foreign-key-constraint
-- squawk-ignore-file require-concurrent-index-creation
-- squawk-ignore-file require-concurrent-index-deletion
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
ALTER TYPE "public"."actor_type" ADD VALUE 'visitor';--> statement-breakpoint
ALTER TYPE "public"."asset_audit_actor_type" ADD VALUE 'visitor';--> statement-breakpoint
ALTER TYPE "public"."assistant_runtime" ADD VALUE 'diagnostic';--> statement-breakpoint
ALTER TYPE "public"."automation_mode" ADD VALUE 'auto';--> statement-breakpoint
ALTER TYPE "public"."automation_mode" ADD VALUE 'suggest';--> statement-breakpoint
ALTER TYPE "public"."automation_mode" ADD VALUE 'off';--> statement-breakpoint
ALTER TYPE "public"."conversation_channel" ADD VALUE 'webchat';--> statement-breakpoint
ALTER TYPE "public"."conversation_channel" ADD VALUE 'external';--> statement-breakpoint
ALTER TYPE "public"."message_generator" ADD VALUE 'system';--> statement-breakpoint
ALTER TYPE "public"."message_generator" ADD VALUE 'extension';--> statement-breakpoint
CREATE TABLE "account_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"address" text,
	"country" varchar(100),
	"state" varchar(100),
	"city" varchar(100),
	"neighborhood" varchar(100),
	"street_address" text,
	"postal_code" varchar(50),
	"lat" real,
	"lon" real,
	"service_type" varchar(20) DEFAULT 'both',
	"coverage_radius_km" real,
	"phone" varchar(50),
	"email" varchar(255),
	"status" varchar(20) DEFAULT 'active',
	"is_default" boolean DEFAULT false,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_runtime_config" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"active_runtime_id" varchar(100) DEFAULT '@fluxcore/fluxcore' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"conversation_id" uuid,
	"relationship_id" uuid,
	"signal_type" varchar(30) NOT NULL,
	"signal_value" varchar(100) NOT NULL,
	"confidence" real DEFAULT 1,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"content" text NOT NULL,
	"model" varchar(100) NOT NULL,
	"provider" varchar(20),
	"base_url" varchar(255),
	"trace_id" uuid,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"prompt_tokens" integer DEFAULT 0,
	"completion_tokens" integer DEFAULT 0,
	"total_tokens" integer DEFAULT 0,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_traces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"conversation_id" uuid,
	"message_id" uuid,
	"runtime" varchar(20) NOT NULL,
	"provider" varchar(20) NOT NULL,
	"model" varchar(100) NOT NULL,
	"mode" varchar(20) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"duration_ms" integer,
	"prompt_tokens" integer DEFAULT 0,
	"completion_tokens" integer DEFAULT 0,
	"total_tokens" integer DEFAULT 0,
	"request_body" jsonb,
	"response_content" text,
	"tools_offered" jsonb DEFAULT '[]'::jsonb,
	"tools_called" jsonb DEFAULT '[]'::jsonb,
	"tool_details" jsonb,
	"attempts" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_enrichments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chatcore_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payload" text NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"sent_at" timestamp,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "conversation_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" varchar(20) DEFAULT 'initiator' NOT NULL,
	"identity_type" varchar(20) DEFAULT 'registered' NOT NULL,
	"visitor_token" text,
	"subscribed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"actor_id" uuid,
	CONSTRAINT "conversation_participants_identity_valid" CHECK ((identity_type)::text = ANY (ARRAY[('registered'::character varying)::text, ('anonymous'::character varying)::text, ('system'::character varying)::text])),
	CONSTRAINT "conversation_participants_role_valid" CHECK ((role)::text = ANY (ARRAY[('initiator'::character varying)::text, ('recipient'::character varying)::text, ('observer'::character varying)::text]))
);
--> statement-breakpoint
CREATE TABLE "fluxcore_account_actor_contexts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"display_name" varchar(255),
	"metadata" text,
	"status" varchar(50) DEFAULT 'active' NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_account_policies" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'off' NOT NULL,
	"response_delay_ms" integer DEFAULT 2000 NOT NULL,
	"turn_window_ms" integer DEFAULT 3000 NOT NULL,
	"turn_window_typing_ms" integer DEFAULT 5000 NOT NULL,
	"turn_window_max_ms" integer DEFAULT 60000 NOT NULL,
	"off_hours_policy" jsonb DEFAULT '{"action":"ignore"}'::jsonb NOT NULL,
	"ai_include_name" boolean DEFAULT true NOT NULL,
	"ai_include_bio" boolean DEFAULT true NOT NULL,
	"ai_include_locations" boolean DEFAULT true NOT NULL,
	"ai_include_schedule" boolean DEFAULT true NOT NULL,
	"ai_include_social_links" boolean DEFAULT true NOT NULL,
	"ai_include_private_context" boolean DEFAULT true NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_action_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"account_id" text NOT NULL,
	"runtime_id" text NOT NULL,
	"action_type" text NOT NULL,
	"action_payload" jsonb,
	"status" text NOT NULL,
	"rejection_reason" text,
	"executed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_actor_address_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"confidence" real DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_actor_identity_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provisional_actor_id" text NOT NULL,
	"real_account_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"linking_signal_seq" bigint NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_actor_identity_links_provisional_actor_id_unique" UNIQUE("provisional_actor_id")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internal_ref" text,
	"type" text DEFAULT 'real' NOT NULL,
	"external_key" text,
	"tenant_id" text,
	"created_from_signal" bigint,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driver_id" varchar(100) NOT NULL,
	"external_id" varchar(255) NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_addresses_driver_id_external_id_unique" UNIQUE("driver_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_agent_assistants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"assistant_id" uuid NOT NULL,
	"role" varchar(30) DEFAULT 'worker' NOT NULL,
	"step_id" varchar(100),
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"flow" jsonb DEFAULT '{"steps":[]}'::jsonb NOT NULL,
	"scopes" jsonb DEFAULT '{"allowedTools":[],"allowedModels":[],"maxTotalTokens":5000,"canCreateSubAgents":false,"maxExecutionTimeMs":30000}'::jsonb NOT NULL,
	"trigger_config" jsonb DEFAULT '{"type":"message_received"}'::jsonb,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_cognition_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"target_account_id" uuid,
	"last_signal_seq" bigint,
	"turn_started_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"turn_window_expires_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "fluxcore_decision_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"trace_id" varchar(255) NOT NULL,
	"message_id" uuid,
	"input" jsonb NOT NULL,
	"proposed_work" jsonb,
	"model_info" jsonb,
	"latency_ms" integer,
	"tokens" jsonb,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_external_effect_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"semantic_context_id" uuid NOT NULL,
	"work_id" uuid NOT NULL,
	"effect_type" varchar(100) NOT NULL,
	"status" varchar(20) NOT NULL,
	"tool_call_id" varchar(255),
	"claimed_at" timestamp DEFAULT now() NOT NULL,
	"released_at" timestamp,
	"external_effect_id" uuid
);
--> statement-breakpoint
CREATE TABLE "fluxcore_external_effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"work_id" uuid NOT NULL,
	"tool_name" varchar(255) NOT NULL,
	"tool_call_id" varchar(255),
	"idempotency_key" varchar(255) NOT NULL,
	"request" jsonb,
	"response" jsonb,
	"status" varchar(20) NOT NULL,
	"claim_id" uuid,
	"started_at" timestamp NOT NULL,
	"finished_at" timestamp,
	CONSTRAINT "fluxcore_external_effects_account_id_idempotency_key_unique" UNIQUE("account_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"signal_id" bigint NOT NULL,
	"event_type" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "fluxcore_outbox_status_check" CHECK (status = ANY (ARRAY['pending'::text, 'processing'::text, 'sent'::text]))
);
--> statement-breakpoint
CREATE TABLE "fluxcore_projector_cursors" (
	"projector_name" text PRIMARY KEY NOT NULL,
	"last_sequence_number" bigint NOT NULL,
	"last_processed_at" timestamp DEFAULT now() NOT NULL,
	"error_count" bigint DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "fluxcore_projector_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"projector_name" text NOT NULL,
	"signal_seq" bigint NOT NULL,
	"error_message" text NOT NULL,
	"error_stack" text,
	"attempts" bigint DEFAULT 1 NOT NULL,
	"first_failed_at" timestamp,
	"last_failed_at" timestamp,
	"resolved_at" timestamp
);
--> statement-breakpoint
CREATE TABLE "fluxcore_proposed_works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"conversation_id" varchar(255) NOT NULL,
	"decision_event_id" uuid NOT NULL,
	"work_definition_id" uuid,
	"intent" text,
	"candidate_slots" jsonb NOT NULL,
	"confidence" real,
	"trace_id" varchar(255) NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"evaluated_at" timestamp,
	"resolution" varchar(50) NOT NULL,
	"resulting_work_id" uuid
);
--> statement-breakpoint
CREATE TABLE "fluxcore_reality_adapters" (
	"adapter_id" text PRIMARY KEY NOT NULL,
	"driver_id" text NOT NULL,
	"adapter_class" text NOT NULL,
	"description" text NOT NULL,
	"signing_secret" text NOT NULL,
	"adapter_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_semantic_contexts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"work_id" uuid,
	"conversation_id" varchar(255) NOT NULL,
	"slot_path" text NOT NULL,
	"proposed_value" jsonb NOT NULL,
	"request_message_id" uuid,
	"request_event_id" uuid,
	"status" varchar(20) NOT NULL,
	"consumed_at" timestamp,
	"consumed_by_work_id" uuid,
	"consumed_by_message_id" uuid,
	"expires_at" timestamp NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_session_projection" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"account_id" text NOT NULL,
	"entry_point" text,
	"device_hash" text,
	"method" text,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_sequence_number" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_signals" (
	"sequence_number" bigserial PRIMARY KEY NOT NULL,
	"signal_fingerprint" text NOT NULL,
	"fact_type" text NOT NULL,
	"source_namespace" text NOT NULL,
	"source_key" text NOT NULL,
	"subject_namespace" text,
	"subject_key" text,
	"object_namespace" text,
	"object_key" text,
	"evidence_raw" jsonb NOT NULL,
	"evidence_format" text NOT NULL,
	"evidence_checksum" text NOT NULL,
	"provenance_driver_id" text NOT NULL,
	"provenance_external_id" text,
	"provenance_entry_point" text,
	"certified_by_adapter" text NOT NULL,
	"certified_adapter_version" text NOT NULL,
	"claimed_occurred_at" timestamp with time zone,
	"observed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "fluxcore_signals_signal_fingerprint_unique" UNIQUE("signal_fingerprint"),
	CONSTRAINT "ux_fluxcore_adapter_external" UNIQUE("certified_by_adapter","provenance_external_id")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_work_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type_id" text NOT NULL,
	"version" varchar(20) NOT NULL,
	"definition_json" jsonb NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"deprecated_at" timestamp,
	CONSTRAINT "fluxcore_work_definitions_account_id_type_id_version_unique" UNIQUE("account_id","type_id","version")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_work_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"work_id" uuid NOT NULL,
	"event_type" varchar(50) NOT NULL,
	"actor" varchar(50) NOT NULL,
	"trace_id" varchar(255) NOT NULL,
	"work_revision" integer NOT NULL,
	"delta" jsonb,
	"evidence_ref" jsonb,
	"semantic_context_id" uuid,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_work_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"work_id" uuid NOT NULL,
	"path" text NOT NULL,
	"type" varchar(50) NOT NULL,
	"value" jsonb,
	"status" varchar(20) NOT NULL,
	"immutable" boolean DEFAULT false NOT NULL,
	"set_by" varchar(50) NOT NULL,
	"set_at" timestamp DEFAULT now() NOT NULL,
	"evidence" jsonb,
	"semantic_confirmed_at" timestamp,
	"semantic_context_id" uuid,
	CONSTRAINT "fluxcore_work_slots_work_id_path_unique" UNIQUE("work_id","path")
);
--> statement-breakpoint
CREATE TABLE "fluxcore_works" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"work_definition_id" uuid NOT NULL,
	"work_definition_version" varchar(20) NOT NULL,
	"relationship_id" uuid,
	"conversation_id" varchar(255),
	"aggregate_key" text,
	"state" varchar(50) NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"expires_at" timestamp,
	"suspended_reason" text,
	"cancelled_reason" text,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_visibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"hidden_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" varchar(30) NOT NULL,
	"owner_id" uuid NOT NULL,
	"date" date NOT NULL,
	"is_closed" boolean DEFAULT true NOT NULL,
	"label" varchar(100),
	CONSTRAINT "special_dates_owner_type_owner_id_date_unique" UNIQUE("owner_type","owner_id","date")
);
--> statement-breakpoint
CREATE TABLE "special_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"special_date_id" uuid NOT NULL,
	"open_time" time NOT NULL,
	"close_time" time NOT NULL
);
--> statement-breakpoint
CREATE TABLE "weekly_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" varchar(30) NOT NULL,
	"owner_id" uuid NOT NULL,
	"day_of_week" integer NOT NULL,
	"open_time" time NOT NULL,
	"close_time" time NOT NULL
);
--> statement-breakpoint
CREATE TABLE "weekly_schedules" (
	"owner_type" varchar(30) NOT NULL,
	"owner_id" uuid NOT NULL,
	"day_of_week" integer NOT NULL,
	"is_closed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "weekly_schedules_owner_type_owner_id_day_of_week_pk" PRIMARY KEY("owner_type","owner_id","day_of_week")
);
--> statement-breakpoint
ALTER TABLE "credits_ledger" DROP CONSTRAINT "credits_ledger_delta_check";--> statement-breakpoint
ALTER TABLE "credits_ledger" DROP CONSTRAINT "credits_ledger_delta_sign_check";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" DROP CONSTRAINT "fluxcore_marketplace_listings_billing_period_check";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_one_scope_check";--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DROP CONSTRAINT "fluxcore_rag_configurations_embedding_dimensions_check";--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" DROP CONSTRAINT "fluxcore_tool_connections_auth_config_check";--> statement-breakpoint
ALTER TABLE "website_configs" DROP CONSTRAINT "website_configs_custom_domain_lowercase_check";--> statement-breakpoint
DROP INDEX "fluxcore_document_chunks_file_chunk_key";--> statement-breakpoint
DROP INDEX "fluxcore_rag_configurations_account_id_key";--> statement-breakpoint
DROP INDEX "website_configs_custom_domain_key";--> statement-breakpoint
ALTER TABLE "account_ai_entitlements" ALTER COLUMN "allowed_providers" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ALTER COLUMN "status" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "actors" ALTER COLUMN "role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "price" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_services" ALTER COLUMN "currency" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "account_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "success" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ALTER COLUMN "metadata" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "scope" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "allowed_mime_types" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "dedup_scope" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "dedup_scope" SET DEFAULT 'intra_account';--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "dedup_scope" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "require_encryption" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "allow_public_access" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "audit_all_access" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "is_active" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "created_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_policies" ALTER COLUMN "updated_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "total_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "bytes_uploaded" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "allowed_mime_types" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "chunks_total" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "chunks_received" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "created_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ALTER COLUMN "updated_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "mime_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "storage_provider" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "metadata" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "created_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ALTER COLUMN "updated_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "config" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "relationship_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "credits_ledger" ALTER COLUMN "wallet_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "credits_ledger" ALTER COLUMN "entry_type" SET DATA TYPE varchar(30);--> statement-breakpoint
ALTER TABLE "credits_policies" ALTER COLUMN "duration_hours" SET DEFAULT 24;--> statement-breakpoint
ALTER TABLE "extension_installations" ALTER COLUMN "config" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "extension_installations" ALTER COLUMN "granted_permissions" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "extension_installations" ALTER COLUMN "can_share_permissions" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "balance_credits" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "used_this_month" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "used_today" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "plan_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ALTER COLUMN "alert_threshold_percent" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ALTER COLUMN "access_mode" SET DEFAULT 'read';--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "tokens_used" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" ALTER COLUMN "balance_after" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "vector_store_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "metadata" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ALTER COLUMN "embedding" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "mime_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "content_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "created_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ALTER COLUMN "updated_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "tokens_estimated" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "word_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ALTER COLUMN "line_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "visibility" SET DEFAULT 'private';--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "tags" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "currency" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "price_cents" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "license_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "screenshots" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "search_keywords" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "preview_enabled" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "preview_chunk_limit" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "featured" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "total_subscribers" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "total_revenue_cents" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "total_queries" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ALTER COLUMN "rating_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "status" SET DEFAULT 'published';--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "status" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ALTER COLUMN "helpful_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "access_mode" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "access_mode" SET DEFAULT 'read';--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "access_mode" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "tokens_used_this_period" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "tokens_used_total" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "queries_this_period" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "queries_total" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ALTER COLUMN "total_paid_cents" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "is_default" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunking_strategy" SET DEFAULT 'recursive';--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunk_size_tokens" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunk_overlap_tokens" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "chunk_separators" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "min_chunk_size" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "max_chunk_size" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "embedding_model" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "embedding_dimensions" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "embedding_batch_size" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_top_k" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_max_tokens" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "hybrid_search_enabled" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "hybrid_keyword_weight" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "rerank_enabled" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "rerank_top_n" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "supported_mime_types" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "ocr_enabled" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "ocr_language" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "extract_metadata" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "metadata_fields" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ALTER COLUMN "status" SET DEFAULT 'disconnected';--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "type" SET DEFAULT 'internal';--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "visibility" SET DEFAULT 'public';--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "schema" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "auth_type" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ALTER COLUMN "auth_type" SET DEFAULT 'none';--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "operation" SET DATA TYPE varchar(50);--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "tokens_used" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "chunks_processed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "api_calls" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "processing_time_ms" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "cost_credits" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ALTER COLUMN "request_metadata" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "file_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "status" SET DEFAULT 'in_progress';--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "attributes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "chunking_strategy" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "last_error" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "chunk_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "usage_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "visibility" SET DEFAULT 'private';--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "source" SET DEFAULT 'primary';--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "metadata" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "file_counts" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "file_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "usage_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "expiration_policy" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ALTER COLUMN "expires_after" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "waveform_data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "message_assets" ALTER COLUMN "linked_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" SET DATA TYPE varchar(20);--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "status" SET DEFAULT 'synced';--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "is_ready" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_assets" ALTER COLUMN "linked_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "protected_accounts" ALTER COLUMN "reason" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "account_a_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "account_b_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "template_assets" ALTER COLUMN "linked_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "website_configs" ALTER COLUMN "custom_domain_verified" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "allow_automated_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_name" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_bio" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_private_context" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_locations" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "avatar_asset_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_timestamp" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_social_links" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "social_links" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "brand_colors" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "country" varchar(2);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "timezone" varchar(50);--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "linked_account_id" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "linked_at" timestamp;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "migrated_from" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_lat" real;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_lon" real;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_address" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_location_at" timestamp;--> statement-breakpoint
ALTER TABLE "appointment_services" ADD COLUMN "allow_automated_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_staff" ADD COLUMN "allow_automated_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "conversation_type" varchar(32) DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "owner_account_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "visitor_token" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "identity_linked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "frozen_at" timestamp;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "frozen_reason" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "embedding_model" varchar(255);--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD COLUMN "dimensions" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "event_type" varchar(20) DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "original_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "is_current" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_by" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_scope" varchar(10);--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "overwritten_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "overwritten_by" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "redacted_by" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "signal_id" bigint;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "actor_a_id" uuid;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "actor_b_id" uuid;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "allow_automated_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "trigger_keyword" varchar(255);--> statement-breakpoint
ALTER TABLE "website_configs" ADD COLUMN "allow_automated_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "account_locations" ADD CONSTRAINT "account_locations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_runtime_config" ADD CONSTRAINT "account_runtime_config_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_signals" ADD CONSTRAINT "ai_signals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_signals" ADD CONSTRAINT "ai_signals_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_signals" ADD CONSTRAINT "ai_signals_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_signals" ADD CONSTRAINT "ai_signals_trace_id_ai_traces_id_fk" FOREIGN KEY ("trace_id") REFERENCES "public"."ai_traces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_traces" ADD CONSTRAINT "ai_traces_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_traces" ADD CONSTRAINT "ai_traces_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_traces" ADD CONSTRAINT "ai_traces_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_enrichments" ADD CONSTRAINT "asset_enrichments_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chatcore_outbox" ADD CONSTRAINT "chatcore_outbox_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" ADD CONSTRAINT "fluxcore_account_actor_contexts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" ADD CONSTRAINT "fluxcore_account_actor_contexts_actor_id_fluxcore_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."fluxcore_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_account_policies" ADD CONSTRAINT "fluxcore_account_policies_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actor_address_links" ADD CONSTRAINT "fluxcore_actor_address_links_actor_id_fluxcore_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."fluxcore_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actor_address_links" ADD CONSTRAINT "fluxcore_actor_address_links_address_id_fluxcore_addresses_id_f" FOREIGN KEY ("address_id") REFERENCES "public"."fluxcore_addresses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actor_identity_links" ADD CONSTRAINT "fluxcore_actor_identity_links_linking_signal_seq_fluxcore_signa" FOREIGN KEY ("linking_signal_seq") REFERENCES "public"."fluxcore_signals"("sequence_number") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actors" ADD CONSTRAINT "fluxcore_actors_created_from_signal_fluxcore_signals_sequence_n" FOREIGN KEY ("created_from_signal") REFERENCES "public"."fluxcore_signals"("sequence_number") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_agent_assistants" ADD CONSTRAINT "fluxcore_agent_assistants_agent_id_fluxcore_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."fluxcore_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_agent_assistants" ADD CONSTRAINT "fluxcore_agent_assistants_assistant_id_fluxcore_assistants_id_f" FOREIGN KEY ("assistant_id") REFERENCES "public"."fluxcore_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_agents" ADD CONSTRAINT "fluxcore_agents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_decision_events" ADD CONSTRAINT "fluxcore_decision_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_external_effect_claims" ADD CONSTRAINT "fluxcore_external_effect_claims_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_external_effect_claims" ADD CONSTRAINT "fluxcore_external_effect_claims_external_effect_id_fluxcore_ext" FOREIGN KEY ("external_effect_id") REFERENCES "public"."fluxcore_external_effects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_external_effect_claims" ADD CONSTRAINT "fluxcore_external_effect_claims_semantic_context_id_fluxcore_se" FOREIGN KEY ("semantic_context_id") REFERENCES "public"."fluxcore_semantic_contexts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_external_effect_claims" ADD CONSTRAINT "fluxcore_external_effect_claims_work_id_fluxcore_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."fluxcore_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_external_effects" ADD CONSTRAINT "fluxcore_external_effects_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_external_effects" ADD CONSTRAINT "fluxcore_external_effects_work_id_fluxcore_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."fluxcore_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_proposed_works" ADD CONSTRAINT "fluxcore_proposed_works_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_proposed_works" ADD CONSTRAINT "fluxcore_proposed_works_decision_event_id_fluxcore_decision_eve" FOREIGN KEY ("decision_event_id") REFERENCES "public"."fluxcore_decision_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_proposed_works" ADD CONSTRAINT "fluxcore_proposed_works_work_definition_id_fluxcore_work_defini" FOREIGN KEY ("work_definition_id") REFERENCES "public"."fluxcore_work_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_semantic_contexts" ADD CONSTRAINT "fluxcore_semantic_contexts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_semantic_contexts" ADD CONSTRAINT "fluxcore_semantic_contexts_work_id_fluxcore_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."fluxcore_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_signals" ADD CONSTRAINT "fluxcore_signals_certified_by_adapter_fluxcore_reality_adapters" FOREIGN KEY ("certified_by_adapter") REFERENCES "public"."fluxcore_reality_adapters"("adapter_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_work_definitions" ADD CONSTRAINT "fluxcore_work_definitions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_work_events" ADD CONSTRAINT "fluxcore_work_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_work_events" ADD CONSTRAINT "fluxcore_work_events_work_id_fluxcore_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."fluxcore_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_work_slots" ADD CONSTRAINT "fluxcore_work_slots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_work_slots" ADD CONSTRAINT "fluxcore_work_slots_work_id_fluxcore_works_id_fk" FOREIGN KEY ("work_id") REFERENCES "public"."fluxcore_works"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_works" ADD CONSTRAINT "fluxcore_works_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_works" ADD CONSTRAINT "fluxcore_works_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_works" ADD CONSTRAINT "fluxcore_works_work_definition_id_fluxcore_work_definitions_id_" FOREIGN KEY ("work_definition_id") REFERENCES "public"."fluxcore_work_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_visibility" ADD CONSTRAINT "message_visibility_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_visibility" ADD CONSTRAINT "message_visibility_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_intervals" ADD CONSTRAINT "special_intervals_special_date_id_special_dates_id_fk" FOREIGN KEY ("special_date_id") REFERENCES "public"."special_dates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_account_locations_account" ON "account_locations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_account_locations_status" ON "account_locations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_ai_signals_account" ON "ai_signals" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_ai_signals_conversation" ON "ai_signals" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "idx_ai_signals_created_at" ON "ai_signals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_ai_signals_type_value" ON "ai_signals" USING btree ("signal_type","signal_value");--> statement-breakpoint
CREATE INDEX "idx_ai_suggestions_account" ON "ai_suggestions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_ai_suggestions_conversation" ON "ai_suggestions" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "idx_ai_suggestions_created_at" ON "ai_suggestions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_ai_suggestions_status" ON "ai_suggestions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_ai_traces_account" ON "ai_traces" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_ai_traces_conversation" ON "ai_traces" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "idx_ai_traces_created_at" ON "ai_traces" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_asset_enrichments_asset" ON "asset_enrichments" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ux_asset_enrichments_type" ON "asset_enrichments" USING btree ("asset_id","type");--> statement-breakpoint
CREATE INDEX "idx_chatcore_outbox_pending" ON "chatcore_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "idx_conversation_participants_account" ON "conversation_participants" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_conversation_participants_conversation" ON "conversation_participants" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "idx_conversation_participants_token" ON "conversation_participants" USING btree ("visitor_token");--> statement-breakpoint
CREATE INDEX "idx_conversation_participants_actor" ON "conversation_participants" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ux_conversation_participants_account" ON "conversation_participants" USING btree ("conversation_id","account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_account_actor_contexts_acc_actor_idx" ON "fluxcore_account_actor_contexts" USING btree ("account_id","actor_id");--> statement-breakpoint
CREATE INDEX "fluxcore_account_actor_contexts_actor_idx" ON "fluxcore_account_actor_contexts" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "idx_action_audit_account" ON "fluxcore_action_audit" USING btree ("account_id","executed_at");--> statement-breakpoint
CREATE INDEX "fluxcore_actor_address_links_actor_idx" ON "fluxcore_actor_address_links" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "fluxcore_actor_address_links_address_idx" ON "fluxcore_actor_address_links" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "idx_actor_identity_links_real" ON "fluxcore_actor_identity_links" USING btree ("real_account_id");--> statement-breakpoint
CREATE INDEX "idx_actor_identity_links_signal" ON "fluxcore_actor_identity_links" USING btree ("linking_signal_seq");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_actors_external_key" ON "fluxcore_actors" USING btree ("external_key");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_actors_tenant" ON "fluxcore_actors" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_actors_created_from_signal" ON "fluxcore_actors" USING btree ("created_from_signal");--> statement-breakpoint
CREATE INDEX "fluxcore_addresses_driver_ext_idx" ON "fluxcore_addresses" USING btree ("driver_id","external_id");--> statement-breakpoint
CREATE INDEX "idx_cognition_queue_ready" ON "fluxcore_cognition_queue" USING btree ("turn_window_expires_at") WHERE processed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ux_cognition_queue_pending_conversation" ON "fluxcore_cognition_queue" USING btree ("conversation_id") WHERE processed_at IS NULL;--> statement-breakpoint
CREATE INDEX "idx_fluxcore_outbox_pending" ON "fluxcore_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_outbox_signal_id" ON "fluxcore_outbox" USING btree ("signal_id");--> statement-breakpoint
CREATE INDEX "idx_projector_errors_projector_signal" ON "fluxcore_projector_errors" USING btree ("projector_name","signal_seq");--> statement-breakpoint
CREATE INDEX "fluxcore_semantic_contexts_acc_conv_status_idx" ON "fluxcore_semantic_contexts" USING btree ("account_id","conversation_id","status");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_source" ON "fluxcore_signals" USING btree ("source_namespace","source_key","sequence_number");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_subject" ON "fluxcore_signals" USING btree ("subject_namespace","subject_key","sequence_number");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_sequence" ON "fluxcore_signals" USING btree ("sequence_number");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_claimed_occurred" ON "fluxcore_signals" USING btree ("claimed_occurred_at");--> statement-breakpoint
CREATE INDEX "fluxcore_work_events_work_created_idx" ON "fluxcore_work_events" USING btree ("work_id","created_at");--> statement-breakpoint
CREATE INDEX "fluxcore_works_acc_aggregate_key_idx" ON "fluxcore_works" USING btree ("account_id","aggregate_key");--> statement-breakpoint
CREATE INDEX "fluxcore_works_acc_rel_conv_state_idx" ON "fluxcore_works" USING btree ("account_id","relationship_id","conversation_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "ux_message_visibility_message_actor" ON "message_visibility" USING btree ("message_id","actor_id");--> statement-breakpoint
CREATE INDEX "idx_message_visibility_actor" ON "message_visibility" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "idx_message_visibility_message" ON "message_visibility" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "idx_special_dates_lookup" ON "special_dates" USING btree ("owner_type","owner_id","date");--> statement-breakpoint
CREATE INDEX "idx_special_intervals_special_date" ON "special_intervals" USING btree ("special_date_id");--> statement-breakpoint
CREATE INDEX "idx_weekly_intervals_lookup" ON "weekly_intervals" USING btree ("owner_type","owner_id","day_of_week","open_time");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_avatar_asset_id_fkey" FOREIGN KEY ("avatar_asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_linked_account_id_fk" FOREIGN KEY ("linked_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_owner_account_id_fkey" FOREIGN KEY ("owner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_actor_a_id_fkey" FOREIGN KEY ("actor_a_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_actor_b_id_fkey" FOREIGN KEY ("actor_b_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_accounts_avatar_asset_id" ON "accounts" USING btree ("avatar_asset_id");--> statement-breakpoint
CREATE INDEX "actors_tenant_id_idx" ON "actors" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "actors_linked_account_id_idx" ON "actors" USING btree ("linked_account_id");--> statement-breakpoint
CREATE INDEX "actors_external_key_idx" ON "actors" USING btree ("external_key");--> statement-breakpoint
CREATE INDEX "idx_conversations_owner_account" ON "conversations" USING btree ("owner_account_id") WHERE "conversations"."owner_account_id" is not null;--> statement-breakpoint
CREATE INDEX "idx_conversations_visitor_token" ON "conversations" USING btree ("visitor_token");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_document_chunks_file_model_chunk_key" ON "fluxcore_document_chunks" USING btree ("file_id",coalesce("embedding_model", ''),"chunk_index");--> statement-breakpoint
CREATE INDEX "fluxcore_rag_configurations_account_id_idx" ON "fluxcore_rag_configurations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_messages_parent" ON "messages" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "idx_messages_original" ON "messages" USING btree ("original_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ux_messages_signal_id" ON "messages" USING btree ("signal_id");--> statement-breakpoint
CREATE INDEX "idx_relationships_actors" ON "relationships" USING btree ("actor_a_id","actor_b_id");--> statement-breakpoint
CREATE INDEX "idx_templates_trigger" ON "templates" USING btree ("account_id","trigger_keyword");--> statement-breakpoint
CREATE UNIQUE INDEX "website_configs_custom_domain_key" ON "website_configs" USING btree (lower("custom_domain")) WHERE "website_configs"."custom_domain" is not null;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversation_type_valid" CHECK ((conversation_type)::text = ANY (ARRAY[('internal'::character varying)::text, ('anonymous_thread'::character varying)::text, ('external'::character varying)::text]));--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_delta_sign_check" CHECK ((((entry_type)::text = ANY (ARRAY[('grant'::character varying)::text, ('refund'::character varying)::text])) AND (delta >= 0)) OR (((entry_type)::text = ANY (ARRAY[('spend'::character varying)::text, ('expiry'::character varying)::text])) AND (delta <= 0)) OR ((entry_type)::text <> ALL (ARRAY[('grant'::character varying)::text, ('refund'::character varying)::text, ('spend'::character varying)::text, ('expiry'::character varying)::text])));--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ADD CONSTRAINT "fluxcore_tool_connections_auth_config_check" CHECK (jsonb_typeof("fluxcore_tool_connections"."auth_config") = 'object' and "fluxcore_tool_connections"."auth_config" - 'type' - 'clientId' - 'expiresAt' - 'scopes' - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb);--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "message_deleted_scope_valid" CHECK ((deleted_scope IS NULL) OR ((deleted_scope)::text = ANY (ARRAY[('self'::character varying)::text, ('all'::character varying)::text])));--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "no_self_relationship" CHECK ("relationships"."actor_a_id" <> "relationships"."actor_b_id");--> statement-breakpoint
DROP TYPE "public"."appointment_status";--> statement-breakpoint
DROP TYPE "public"."asset_visibility";--> statement-breakpoint
DROP TYPE "public"."assistant_status";--> statement-breakpoint
DROP TYPE "public"."credits_ledger_entry_type";--> statement-breakpoint
DROP TYPE "public"."instruction_status";--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_review_status";--> statement-breakpoint
DROP TYPE "public"."message_status";--> statement-breakpoint
DROP TYPE "public"."rag_chunking_strategy";--> statement-breakpoint
DROP TYPE "public"."tool_auth_type";--> statement-breakpoint
DROP TYPE "public"."tool_connection_status";--> statement-breakpoint
DROP TYPE "public"."tool_type";--> statement-breakpoint
DROP TYPE "public"."usage_operation";--> statement-breakpoint
DROP TYPE "public"."vector_store_access_mode";--> statement-breakpoint
DROP TYPE "public"."vector_store_file_status";--> statement-breakpoint
DROP TYPE "public"."vector_store_source";--> statement-breakpoint
DROP TYPE "public"."vector_store_status";