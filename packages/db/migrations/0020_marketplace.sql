CREATE TYPE "public"."fluxcore_marketplace_billing_period" AS ENUM('monthly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_marketplace_listing_status" AS ENUM('draft', 'published', 'suspended', 'archived');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_marketplace_pricing_model" AS ENUM('free', 'one_time', 'subscription', 'usage');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_marketplace_review_status" AS ENUM('pending', 'published', 'hidden', 'flagged');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_marketplace_subscription_status" AS ENUM('active', 'paused', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "fluxcore_marketplace_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vector_store_id" uuid,
	"instruction_id" uuid,
	"tool_definition_id" uuid,
	"seller_account_id" uuid NOT NULL,
	"title" varchar(255) NOT NULL,
	"short_description" varchar(500),
	"long_description" text,
	"category" varchar(100),
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pricing_model" "fluxcore_marketplace_pricing_model" DEFAULT 'free' NOT NULL,
	"price" numeric(12, 2) DEFAULT '0' NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"billing_period" "fluxcore_marketplace_billing_period",
	"status" "fluxcore_marketplace_listing_status" DEFAULT 'draft' NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cover_image_url" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_marketplace_listings_one_scope_check" CHECK (((case when "fluxcore_marketplace_listings"."vector_store_id" is null then 0 else 1 end) + (case when "fluxcore_marketplace_listings"."instruction_id" is null then 0 else 1 end) + (case when "fluxcore_marketplace_listings"."tool_definition_id" is null then 0 else 1 end)) = 1),
	CONSTRAINT "fluxcore_marketplace_listings_price_check" CHECK ("fluxcore_marketplace_listings"."price" >= 0 and ("fluxcore_marketplace_listings"."pricing_model" <> 'free' or "fluxcore_marketplace_listings"."price" = 0)),
	CONSTRAINT "fluxcore_marketplace_listings_currency_check" CHECK ("fluxcore_marketplace_listings"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "fluxcore_marketplace_listings_billing_period_check" CHECK (("fluxcore_marketplace_listings"."pricing_model" = 'subscription') = ("fluxcore_marketplace_listings"."billing_period" is not null))
);
--> statement-breakpoint
CREATE TABLE "fluxcore_marketplace_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"reviewer_account_id" uuid NOT NULL,
	"subscription_id" uuid,
	"rating" integer NOT NULL,
	"title" varchar(255),
	"content" text,
	"status" "fluxcore_marketplace_review_status" DEFAULT 'published' NOT NULL,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_marketplace_reviews_rating_check" CHECK ("fluxcore_marketplace_reviews"."rating" between 1 and 5),
	CONSTRAINT "fluxcore_marketplace_reviews_helpful_count_check" CHECK ("fluxcore_marketplace_reviews"."helpful_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_marketplace_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"subscriber_account_id" uuid NOT NULL,
	"status" "fluxcore_marketplace_subscription_status" DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"usage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_subscription_id" varchar(255),
	"total_paid" numeric(12, 2) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_marketplace_subscriptions_period_check" CHECK ("fluxcore_marketplace_subscriptions"."current_period_end" is null or "fluxcore_marketplace_subscriptions"."current_period_start" is null or "fluxcore_marketplace_subscriptions"."current_period_end" > "fluxcore_marketplace_subscriptions"."current_period_start"),
	CONSTRAINT "fluxcore_marketplace_subscriptions_total_paid_check" CHECK ("fluxcore_marketplace_subscriptions"."total_paid" >= 0)
);
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_instruction_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."fluxcore_instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_tool_definition_id_fk" FOREIGN KEY ("tool_definition_id") REFERENCES "public"."fluxcore_tool_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_seller_account_id_fk" FOREIGN KEY ("seller_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ADD CONSTRAINT "fluxcore_marketplace_reviews_listing_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."fluxcore_marketplace_listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ADD CONSTRAINT "fluxcore_marketplace_reviews_reviewer_account_id_fk" FOREIGN KEY ("reviewer_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" ADD CONSTRAINT "fluxcore_marketplace_reviews_subscription_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."fluxcore_marketplace_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD CONSTRAINT "fluxcore_marketplace_subscriptions_listing_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."fluxcore_marketplace_listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD CONSTRAINT "fluxcore_marketplace_subscriptions_subscriber_account_id_fk" FOREIGN KEY ("subscriber_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_listings_vector_store_id_idx" ON "fluxcore_marketplace_listings" USING btree ("vector_store_id");--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_listings_instruction_id_idx" ON "fluxcore_marketplace_listings" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_listings_tool_definition_id_idx" ON "fluxcore_marketplace_listings" USING btree ("tool_definition_id");--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_listings_seller_account_id_idx" ON "fluxcore_marketplace_listings" USING btree ("seller_account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_listings_status_published_idx" ON "fluxcore_marketplace_listings" USING btree ("status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_reviews_reviewer_account_id_idx" ON "fluxcore_marketplace_reviews" USING btree ("reviewer_account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_reviews_subscription_id_idx" ON "fluxcore_marketplace_reviews" USING btree ("subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_marketplace_reviews_listing_reviewer_key" ON "fluxcore_marketplace_reviews" USING btree ("listing_id","reviewer_account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_marketplace_subscriptions_subscriber_account_id_idx" ON "fluxcore_marketplace_subscriptions" USING btree ("subscriber_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_marketplace_subscriptions_listing_subscriber_key" ON "fluxcore_marketplace_subscriptions" USING btree ("listing_id","subscriber_account_id");