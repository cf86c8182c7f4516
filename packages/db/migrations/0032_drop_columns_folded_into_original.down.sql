-- Down of 0032_drop_columns_folded_into_original: back to the schema 0031_fold_duplicate_columns_into_original left.
-- Written by db:generate from meta/0032_snapshot.json and meta/0031_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "fluxcore_marketplace_listings" DROP CONSTRAINT "fluxcore_marketplace_listings_price_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP CONSTRAINT "fluxcore_marketplace_subscriptions_counters_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "price" numeric(12, 2) DEFAULT '0' NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD COLUMN "stats" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "usage" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD COLUMN "total_paid" numeric(12, 2) DEFAULT '0' NOT NULL;
--> statement-breakpoint
-- Written by hand: the values come back from the original's columns, as 0031 copied them.
UPDATE "fluxcore_marketplace_listings" SET "price" = "price_cents" / 100.0,
  "stats" = jsonb_build_object('totalQueries', "total_queries", 'totalRevenue', ("total_revenue_cents" / 100.0)::text);
--> statement-breakpoint
UPDATE "fluxcore_marketplace_subscriptions" SET "total_paid" = "total_paid_cents" / 100.0,
  "usage" = jsonb_build_object('tokensThisPeriod', "tokens_used_this_period", 'tokensTotal', "tokens_used_total",
    'queriesThisPeriod', "queries_this_period", 'queriesTotal', "queries_total");
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_price_check" CHECK ("fluxcore_marketplace_listings"."price" >= 0 and ("fluxcore_marketplace_listings"."pricing_model" <> 'free' or "fluxcore_marketplace_listings"."price" = 0));
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD CONSTRAINT "fluxcore_marketplace_subscriptions_total_paid_check" CHECK ("fluxcore_marketplace_subscriptions"."total_paid" >= 0);
