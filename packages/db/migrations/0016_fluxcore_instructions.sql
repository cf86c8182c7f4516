CREATE TYPE "public"."asset_visibility" AS ENUM('private', 'shared', 'public');--> statement-breakpoint
CREATE TYPE "public"."instruction_status" AS ENUM('draft', 'production', 'disabled');--> statement-breakpoint
CREATE TABLE "fluxcore_assistant_instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assistant_id" uuid NOT NULL,
	"instruction_id" uuid NOT NULL,
	"version_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_assistant_instructions_sort_order_check" CHECK ("fluxcore_assistant_instructions"."sort_order" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_instruction_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instruction_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"content" text NOT NULL,
	"size_bytes" integer DEFAULT 0 NOT NULL,
	"tokens_estimated" integer DEFAULT 0 NOT NULL,
	"word_count" integer DEFAULT 0 NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"change_log" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_instruction_versions_counters_check" CHECK ("fluxcore_instruction_versions"."version_number" >= 1 and "fluxcore_instruction_versions"."size_bytes" >= 0 and "fluxcore_instruction_versions"."tokens_estimated" >= 0 and "fluxcore_instruction_versions"."word_count" >= 0 and "fluxcore_instruction_versions"."line_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"visibility" "asset_visibility" DEFAULT 'private' NOT NULL,
	"current_version_id" uuid,
	"status" "instruction_status" DEFAULT 'draft' NOT NULL,
	"is_managed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" ADD CONSTRAINT "fluxcore_assistant_instructions_assistant_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."fluxcore_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" ADD CONSTRAINT "fluxcore_assistant_instructions_instruction_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."fluxcore_instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" ADD CONSTRAINT "fluxcore_assistant_instructions_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."fluxcore_instruction_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ADD CONSTRAINT "fluxcore_instruction_versions_instruction_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."fluxcore_instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" ADD CONSTRAINT "fluxcore_instruction_versions_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ADD CONSTRAINT "fluxcore_instructions_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" ADD CONSTRAINT "fluxcore_instructions_current_version_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."fluxcore_instruction_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fluxcore_assistant_instructions_instruction_id_idx" ON "fluxcore_assistant_instructions" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "fluxcore_assistant_instructions_version_id_idx" ON "fluxcore_assistant_instructions" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_assistant_instructions_assistant_instruction_key" ON "fluxcore_assistant_instructions" USING btree ("assistant_id","instruction_id");--> statement-breakpoint
CREATE INDEX "fluxcore_instruction_versions_created_by_idx" ON "fluxcore_instruction_versions" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_instruction_versions_instruction_version_key" ON "fluxcore_instruction_versions" USING btree ("instruction_id","version_number");--> statement-breakpoint
CREATE INDEX "fluxcore_instructions_account_id_idx" ON "fluxcore_instructions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_instructions_current_version_id_idx" ON "fluxcore_instructions" USING btree ("current_version_id");