-- Issue 24: a review or a subscription is written only to a listing its writer sees (one
-- published, or the writer's own). The foreign key is checked past every policy, so before
-- this a tenant could subscribe to, or review, another seller's unpublished listing by its id.
-- Restrictive and for inserts only (generated from src/schema/tenancy/policies.ts): earlier
-- rows, and a subscriber cancelling or a reviewer editing them, are untouched.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE POLICY "fluxcore_marketplace_reviews_visible_listing" ON "fluxcore_marketplace_reviews" AS RESTRICTIVE FOR INSERT TO "fluxcore_app", "fluxcore_system" WITH CHECK (exists (select 1 from "fluxcore_marketplace_listings" "parent" where "parent"."id" = "fluxcore_marketplace_reviews"."listing_id"));--> statement-breakpoint
CREATE POLICY "fluxcore_marketplace_subscriptions_visible_listing" ON "fluxcore_marketplace_subscriptions" AS RESTRICTIVE FOR INSERT TO "fluxcore_app", "fluxcore_system" WITH CHECK (exists (select 1 from "fluxcore_marketplace_listings" "parent" where "parent"."id" = "fluxcore_marketplace_subscriptions"."listing_id"));