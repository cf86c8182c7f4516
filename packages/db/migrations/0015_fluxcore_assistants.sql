CREATE TYPE "public"."assistant_runtime" AS ENUM('local', 'openai');--> statement-breakpoint
CREATE TYPE "public"."assistant_status" AS ENUM('draft', 'production', 'disabled');--> statement-breakpoint
CREATE TABLE "fluxcore_assistants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"external_id" varchar(255),
	"status" "assistant_status" DEFAULT 'draft' NOT NULL,
	"runtime" "assistant_runtime" DEFAULT 'local' NOT NULL,
	"model_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"timing_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ADD CONSTRAINT "fluxcore_assistants_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fluxcore_assistants_account_id_idx" ON "fluxcore_assistants" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_assistants_external_id_key" ON "fluxcore_assistants" USING btree ("external_id") WHERE "fluxcore_assistants"."external_id" is not null;