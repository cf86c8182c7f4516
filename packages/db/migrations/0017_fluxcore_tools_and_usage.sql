CREATE TYPE "public"."tool_auth_type" AS ENUM('none', 'api_key', 'oauth2');--> statement-breakpoint
CREATE TYPE "public"."tool_connection_status" AS ENUM('connected', 'disconnected', 'error');--> statement-breakpoint
CREATE TYPE "public"."tool_type" AS ENUM('internal', 'external');--> statement-breakpoint
CREATE TYPE "public"."usage_operation" AS ENUM('chat_completion', 'embedding', 'retrieval', 'rerank', 'tool_call', 'file_processing');--> statement-breakpoint
CREATE TYPE "public"."usage_resource_type" AS ENUM('assistant', 'instruction', 'vector_store', 'file', 'tool');--> statement-breakpoint
CREATE TABLE "fluxcore_tool_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"tool_definition_id" uuid NOT NULL,
	"status" "tool_connection_status" DEFAULT 'disconnected' NOT NULL,
	"auth_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_message" text,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_tool_connections_auth_config_check" CHECK (jsonb_typeof("fluxcore_tool_connections"."auth_config") = 'object' and "fluxcore_tool_connections"."auth_config" - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_tool_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"slug" varchar(100) NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"category" varchar(100) NOT NULL,
	"type" "tool_type" DEFAULT 'internal' NOT NULL,
	"visibility" "asset_visibility" DEFAULT 'public' NOT NULL,
	"schema" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"auth_type" "tool_auth_type" DEFAULT 'none' NOT NULL,
	"oauth_provider" varchar(100),
	"is_built_in" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_usage_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"resource_type" "usage_resource_type" NOT NULL,
	"resource_id" uuid,
	"operation" "usage_operation" NOT NULL,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"total_tokens" integer DEFAULT 0 NOT NULL,
	"request_count" integer DEFAULT 1 NOT NULL,
	"cost_credits" numeric(10, 4) DEFAULT '0' NOT NULL,
	"provider" varchar(50),
	"model" varchar(100),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_usage_logs_counts_check" CHECK ("fluxcore_usage_logs"."prompt_tokens" >= 0 and "fluxcore_usage_logs"."completion_tokens" >= 0 and "fluxcore_usage_logs"."total_tokens" >= 0 and "fluxcore_usage_logs"."request_count" >= 0),
	CONSTRAINT "fluxcore_usage_logs_cost_check" CHECK ("fluxcore_usage_logs"."cost_credits" >= 0)
);
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ADD CONSTRAINT "fluxcore_tool_connections_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ADD CONSTRAINT "fluxcore_tool_connections_tool_definition_id_fk" FOREIGN KEY ("tool_definition_id") REFERENCES "public"."fluxcore_tool_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" ADD CONSTRAINT "fluxcore_tool_definitions_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" ADD CONSTRAINT "fluxcore_usage_logs_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fluxcore_tool_connections_tool_definition_id_idx" ON "fluxcore_tool_connections" USING btree ("tool_definition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_tool_connections_account_tool_key" ON "fluxcore_tool_connections" USING btree ("account_id","tool_definition_id");--> statement-breakpoint
CREATE INDEX "fluxcore_tool_definitions_account_id_idx" ON "fluxcore_tool_definitions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_tool_definitions_slug_key" ON "fluxcore_tool_definitions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "fluxcore_usage_logs_account_created_at_idx" ON "fluxcore_usage_logs" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "fluxcore_usage_logs_created_at_brin" ON "fluxcore_usage_logs" USING brin ("created_at");