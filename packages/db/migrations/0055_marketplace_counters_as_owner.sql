-- Issue 24: a listing's counters (total_subscribers; rating_average and rating_count) are kept by
-- 0029's triggers on its subscriptions and reviews. Their writer is the buyer, the API's runtime
-- role acting for the buyer's account, which reads a published listing but may not change it
-- (the listing's write policy is its seller's): the trigger's UPDATE of the listing matched no
-- row, silently, and the counters stayed where they were. Likewise the deletion worker
-- (fluxcore_system) deleting a buyer's subscriptions left the sellers' counts.
-- The two trigger functions now run as their owner (SECURITY DEFINER), who is not subject to
-- the policies: they change only the counters of the listings the statement's own rows name,
-- recomputed or counted from those rows (the rating from every published review of the
-- listing, as it was meant to be). A fixed search_path, so no object of the writer's can stand
-- in for the tables. A trigger function cannot be called directly; EXECUTE is revoked from
-- PUBLIC all the same. The vector store counters need no change: a store's files and chunks are
-- written for the store's own account, which may change its stats row.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
ALTER FUNCTION "public"."fluxcore_marketplace_count_subscribers"() SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
ALTER FUNCTION "public"."fluxcore_marketplace_rate_listing"() SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;--> statement-breakpoint
REVOKE ALL ON FUNCTION "public"."fluxcore_marketplace_count_subscribers"() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION "public"."fluxcore_marketplace_rate_listing"() FROM PUBLIC;
