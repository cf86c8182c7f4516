CREATE TYPE "public"."ai_provider" AS ENUM('openai', 'groq', 'anthropic', 'google', 'mistral');--> statement-breakpoint
CREATE TABLE "account_ai_entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"allowed_providers" "ai_provider"[] DEFAULT '{}' NOT NULL,
	"default_provider" "ai_provider",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_ai_entitlements_default_provider_check" CHECK ("account_ai_entitlements"."default_provider" is null or "account_ai_entitlements"."default_provider" = any("account_ai_entitlements"."allowed_providers"))
);
--> statement-breakpoint
ALTER TABLE "account_ai_entitlements" ADD CONSTRAINT "account_ai_entitlements_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_ai_entitlements_account_id_key" ON "account_ai_entitlements" USING btree ("account_id");