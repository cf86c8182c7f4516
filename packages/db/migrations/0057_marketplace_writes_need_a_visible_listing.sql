-- Issue 24: a review or a subscription is written only to a listing its writer sees (one
-- published, or the writer's own). The foreign key is checked past every policy, so before
-- this a tenant could subscribe to, or review, another seller's unpublished listing by its id,
-- or move its row there with an UPDATE of listing_id.
-- - A new row: restrictive insert policies (generated from src/schema/tenancy/policies.ts).
--   Earlier rows, and a subscriber cancelling or a reviewer editing them, are untouched.
-- - A row moved to another listing: a trigger, since a policy cannot compare the new listing
--   with the old one (a policy reading its own table is recursion). It runs as the writer:
--   the runtime roles see published listings and their own; the owner, whom no policy limits,
--   sees every listing, so the original app's writes are as before.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE POLICY "fluxcore_marketplace_reviews_visible_listing" ON "fluxcore_marketplace_reviews" AS RESTRICTIVE FOR INSERT TO "fluxcore_app", "fluxcore_system" WITH CHECK (exists (select 1 from "fluxcore_marketplace_listings" "parent" where "parent"."id" = "fluxcore_marketplace_reviews"."listing_id"));--> statement-breakpoint
CREATE POLICY "fluxcore_marketplace_subscriptions_visible_listing" ON "fluxcore_marketplace_subscriptions" AS RESTRICTIVE FOR INSERT TO "fluxcore_app", "fluxcore_system" WITH CHECK (exists (select 1 from "fluxcore_marketplace_listings" "parent" where "parent"."id" = "fluxcore_marketplace_subscriptions"."listing_id"));--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_listing_stays_visible"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.listing_id IS DISTINCT FROM OLD.listing_id AND NOT EXISTS (
       SELECT 1 FROM "public"."fluxcore_marketplace_listings" l WHERE l.id = NEW.listing_id) THEN
    RAISE EXCEPTION 'new row violates row-level security for table "%": listing % is not one this role sees', TG_TABLE_NAME, NEW.listing_id
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_reviews_listing_stays_visible" BEFORE UPDATE OF "listing_id" ON "public"."fluxcore_marketplace_reviews" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_listing_stays_visible"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_subscriptions_listing_stays_visible" BEFORE UPDATE OF "listing_id" ON "public"."fluxcore_marketplace_subscriptions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_listing_stays_visible"();
