-- Down of 0057_marketplace_writes_need_a_visible_listing: back to the schema 0056_touch_skips_online_backfill left.
-- Written by db:generate from meta/0057_snapshot.json and meta/0056_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- The first three statements (the trigger of the up file and its function) are written by hand.
DROP TRIGGER IF EXISTS "fluxcore_marketplace_subscriptions_listing_stays_visible" ON "public"."fluxcore_marketplace_subscriptions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS "fluxcore_marketplace_reviews_listing_stays_visible" ON "public"."fluxcore_marketplace_reviews";
--> statement-breakpoint
DROP FUNCTION IF EXISTS "public"."fluxcore_listing_stays_visible"();
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_reviews_visible_listing" ON "fluxcore_marketplace_reviews" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_subscriptions_visible_listing" ON "fluxcore_marketplace_subscriptions" CASCADE;
