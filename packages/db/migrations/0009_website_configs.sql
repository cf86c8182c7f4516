CREATE TYPE "public"."website_config_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "website_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"status" "website_config_status" DEFAULT 'draft' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"custom_domain" varchar(253),
	"last_build_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "website_configs_custom_domain_lowercase_check" CHECK ("website_configs"."custom_domain" = lower("website_configs"."custom_domain"))
);
--> statement-breakpoint
ALTER TABLE "website_configs" ADD CONSTRAINT "website_configs_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "website_configs_account_id_key" ON "website_configs" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "website_configs_custom_domain_key" ON "website_configs" USING btree ("custom_domain") WHERE "website_configs"."custom_domain" is not null;