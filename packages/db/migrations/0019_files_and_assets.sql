CREATE TYPE "public"."asset_audit_action" AS ENUM('upload_started', 'upload_completed', 'upload_failed', 'upload_cancelled', 'session_expired', 'download', 'preview', 'url_signed', 'state_changed', 'dedup_applied', 'deleted', 'purged', 'archived', 'restored', 'access_denied', 'policy_evaluated', 'metadata_updated', 'linked', 'unlinked');--> statement-breakpoint
CREATE TYPE "public"."asset_audit_actor_type" AS ENUM('user', 'assistant', 'system', 'api');--> statement-breakpoint
CREATE TYPE "public"."asset_dedup_policy" AS ENUM('none', 'intra_account', 'intra_workspace', 'custom');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_asset_permission_level" AS ENUM('read', 'write', 'admin');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_asset_permission_source" AS ENUM('manual', 'marketplace', 'system');--> statement-breakpoint
CREATE TYPE "public"."asset_scope" AS ENUM('message_attachment', 'template_asset', 'execution_plan', 'shared_internal', 'profile_avatar', 'workspace_asset');--> statement-breakpoint
CREATE TYPE "public"."asset_status" AS ENUM('pending', 'ready', 'archived', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."asset_upload_session_status" AS ENUM('active', 'uploading', 'committed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."plan_asset_dependency_type" AS ENUM('required', 'optional');--> statement-breakpoint
CREATE TABLE "asset_audit_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"asset_id" uuid,
	"session_id" uuid,
	"action" "asset_audit_action" NOT NULL,
	"actor_type" "asset_audit_actor_type" DEFAULT 'system' NOT NULL,
	"actor_id" uuid,
	"context" varchar(100),
	"success" boolean DEFAULT true NOT NULL,
	"error_message" text,
	"ip_address" "inet",
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"name" varchar(100) NOT NULL,
	"description" text,
	"scope" "asset_scope" NOT NULL,
	"allowed_contexts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ttl_seconds" integer DEFAULT 3600 NOT NULL,
	"max_file_size_bytes" bigint,
	"allowed_mime_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retention_days" integer,
	"flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_policies_account_name_key" UNIQUE NULLS NOT DISTINCT("account_id","name"),
	CONSTRAINT "asset_policies_limits_check" CHECK ("asset_policies"."ttl_seconds" > 0 and ("asset_policies"."max_file_size_bytes" is null or "asset_policies"."max_file_size_bytes" > 0) and ("asset_policies"."retention_days" is null or "asset_policies"."retention_days" > 0))
);
--> statement-breakpoint
CREATE TABLE "asset_upload_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"status" "asset_upload_session_status" DEFAULT 'active' NOT NULL,
	"file_name" varchar(500),
	"mime_type" varchar(200),
	"temp_storage_key" varchar(1000),
	"total_bytes" bigint NOT NULL,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"chunk_size" integer DEFAULT 5242880 NOT NULL,
	"chunks_total" integer NOT NULL,
	"chunks_received" integer DEFAULT 0 NOT NULL,
	"asset_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_upload_sessions_bytes_check" CHECK ("asset_upload_sessions"."total_bytes" >= 0 and "asset_upload_sessions"."received_bytes" >= 0 and "asset_upload_sessions"."received_bytes" <= "asset_upload_sessions"."total_bytes"),
	CONSTRAINT "asset_upload_sessions_chunks_check" CHECK ("asset_upload_sessions"."chunk_size" > 0 and "asset_upload_sessions"."chunks_total" >= 0 and "asset_upload_sessions"."chunks_received" >= 0 and "asset_upload_sessions"."chunks_received" <= "asset_upload_sessions"."chunks_total")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"workspace_id" uuid,
	"scope" "asset_scope" DEFAULT 'message_attachment' NOT NULL,
	"status" "asset_status" DEFAULT 'pending' NOT NULL,
	"dedup_policy" "asset_dedup_policy" DEFAULT 'intra_account' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" varchar(500) NOT NULL,
	"original_name" varchar(500),
	"mime_type" varchar(200) DEFAULT 'application/octet-stream' NOT NULL,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"storage_key" varchar(1000) NOT NULL,
	"storage_provider" varchar(50) DEFAULT 'local' NOT NULL,
	"checksum_sha256" char(64),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"uploaded_by" uuid,
	"retention_until" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_version_check" CHECK ("assets"."version" >= 1),
	CONSTRAINT "assets_size_check" CHECK ("assets"."size_bytes" >= 0),
	CONSTRAINT "assets_checksum_sha256_check" CHECK ("assets"."checksum_sha256" is null or "assets"."checksum_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "fluxcore_asset_permissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vector_store_id" uuid,
	"instruction_id" uuid,
	"tool_definition_id" uuid,
	"grantee_account_id" uuid NOT NULL,
	"granted_by_account_id" uuid,
	"permission_level" "fluxcore_asset_permission_level" DEFAULT 'read' NOT NULL,
	"source" "fluxcore_asset_permission_source" DEFAULT 'manual' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_asset_permissions_asset_grantee_key" UNIQUE NULLS NOT DISTINCT("vector_store_id","instruction_id","tool_definition_id","grantee_account_id"),
	CONSTRAINT "fluxcore_asset_permissions_one_scope_check" CHECK (((case when "fluxcore_asset_permissions"."vector_store_id" is null then 0 else 1 end) + (case when "fluxcore_asset_permissions"."instruction_id" is null then 0 else 1 end) + (case when "fluxcore_asset_permissions"."tool_definition_id" is null then 0 else 1 end)) = 1)
);
--> statement-breakpoint
CREATE TABLE "plan_assets" (
	"plan_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"step_id" varchar(100),
	"version" integer DEFAULT 1 NOT NULL,
	"dependency_type" "plan_asset_dependency_type" DEFAULT 'required' NOT NULL,
	"ready_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_assets_pkey" PRIMARY KEY("plan_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ADD CONSTRAINT "asset_audit_logs_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ADD CONSTRAINT "asset_audit_logs_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_audit_logs" ADD CONSTRAINT "asset_audit_logs_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."asset_upload_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_policies" ADD CONSTRAINT "asset_policies_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD CONSTRAINT "asset_upload_sessions_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD CONSTRAINT "asset_upload_sessions_uploaded_by_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" ADD CONSTRAINT "asset_upload_sessions_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_uploaded_by_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD CONSTRAINT "fluxcore_asset_permissions_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD CONSTRAINT "fluxcore_asset_permissions_instruction_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."fluxcore_instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD CONSTRAINT "fluxcore_asset_permissions_tool_definition_id_fk" FOREIGN KEY ("tool_definition_id") REFERENCES "public"."fluxcore_tool_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD CONSTRAINT "fluxcore_asset_permissions_grantee_account_id_fk" FOREIGN KEY ("grantee_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" ADD CONSTRAINT "fluxcore_asset_permissions_granted_by_account_id_fk" FOREIGN KEY ("granted_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assets" ADD CONSTRAINT "plan_assets_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_audit_logs_asset_id_idx" ON "asset_audit_logs" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "asset_audit_logs_session_id_idx" ON "asset_audit_logs" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "asset_audit_logs_account_created_idx" ON "asset_audit_logs" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "asset_upload_sessions_account_id_idx" ON "asset_upload_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "asset_upload_sessions_uploaded_by_idx" ON "asset_upload_sessions" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "asset_upload_sessions_asset_id_idx" ON "asset_upload_sessions" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "asset_upload_sessions_expires_at_idx" ON "asset_upload_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "assets_workspace_id_idx" ON "assets" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "assets_uploaded_by_idx" ON "assets" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_account_checksum_key" ON "assets" USING btree ("account_id","checksum_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_storage_key_key" ON "assets" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "assets_retention_until_idx" ON "assets" USING btree ("retention_until") WHERE "assets"."retention_until" is not null;--> statement-breakpoint
CREATE INDEX "fluxcore_asset_permissions_instruction_id_idx" ON "fluxcore_asset_permissions" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "fluxcore_asset_permissions_tool_definition_id_idx" ON "fluxcore_asset_permissions" USING btree ("tool_definition_id");--> statement-breakpoint
CREATE INDEX "fluxcore_asset_permissions_grantee_account_id_idx" ON "fluxcore_asset_permissions" USING btree ("grantee_account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_asset_permissions_granted_by_account_id_idx" ON "fluxcore_asset_permissions" USING btree ("granted_by_account_id");--> statement-breakpoint
CREATE INDEX "plan_assets_asset_id_idx" ON "plan_assets" USING btree ("asset_id");