-- Down of 0020_marketplace: back to the schema 0019_files_and_assets left.
-- Written by db:generate from meta/0020_snapshot.json and meta/0019_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_marketplace_listings
DROP TABLE "fluxcore_marketplace_listings" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_marketplace_reviews
DROP TABLE "fluxcore_marketplace_reviews" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_marketplace_subscriptions
DROP TABLE "fluxcore_marketplace_subscriptions" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_billing_period";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_listing_status";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_pricing_model";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_review_status";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_marketplace_subscription_status";
