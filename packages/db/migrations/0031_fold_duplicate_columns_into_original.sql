-- Data migration: before 0026 this package kept a few of the original's values under its own
-- columns; 0026 added the original's. This copies each value into the original's column, where
-- that column still holds its default, so 0032 can drop the duplicates without losing a value:
--   fluxcore_marketplace_listings.price (currency units)   → price_cents
--   fluxcore_marketplace_listings.stats.totalQueries, .totalRevenue → total_queries, total_revenue_cents
--   fluxcore_marketplace_subscriptions.total_paid         → total_paid_cents
--   fluxcore_marketplace_subscriptions.usage.tokensThisPeriod, .tokensTotal, .queriesThisPeriod,
--     .queriesTotal                                        → the four counter columns
--   asset_policies.flags.requireEncryption, .allowPublicAccess, .auditAllAccess (booleans)
--                                                          → the three columns (and out of flags)
-- Idempotent: a second run finds every target already set and changes nothing. A value that is
-- not a number (or, for the flags, not a boolean) is left where it is.
-- fluxcore:present-when: select not exists (select 1 from fluxcore_marketplace_listings where price_cents = 0 and price > 0) and not exists (select 1 from fluxcore_marketplace_subscriptions where total_paid_cents = 0 and total_paid > 0)
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
UPDATE "fluxcore_marketplace_listings"
SET "price_cents" = round("price" * 100)::integer
WHERE "price_cents" = 0 AND "price" > 0;--> statement-breakpoint
UPDATE "fluxcore_marketplace_listings"
SET "total_queries" = ("stats" ->> 'totalQueries')::bigint
WHERE "total_queries" = 0 AND "stats" ->> 'totalQueries' ~ '^\d+$';--> statement-breakpoint
UPDATE "fluxcore_marketplace_listings"
SET "total_revenue_cents" = round(("stats" ->> 'totalRevenue')::numeric * 100)::bigint
WHERE "total_revenue_cents" = 0 AND "stats" ->> 'totalRevenue' ~ '^\d+(\.\d+)?$';--> statement-breakpoint
UPDATE "fluxcore_marketplace_subscriptions"
SET "total_paid_cents" = round("total_paid" * 100)::bigint
WHERE "total_paid_cents" = 0 AND "total_paid" > 0;--> statement-breakpoint
UPDATE "fluxcore_marketplace_subscriptions"
SET "tokens_used_this_period" = CASE WHEN "tokens_used_this_period" = 0 AND "usage" ->> 'tokensThisPeriod' ~ '^\d+$'
      THEN ("usage" ->> 'tokensThisPeriod')::bigint ELSE "tokens_used_this_period" END,
    "tokens_used_total" = CASE WHEN "tokens_used_total" = 0 AND "usage" ->> 'tokensTotal' ~ '^\d+$'
      THEN ("usage" ->> 'tokensTotal')::bigint ELSE "tokens_used_total" END,
    "queries_this_period" = CASE WHEN "queries_this_period" = 0 AND "usage" ->> 'queriesThisPeriod' ~ '^\d+$'
      THEN ("usage" ->> 'queriesThisPeriod')::integer ELSE "queries_this_period" END,
    "queries_total" = CASE WHEN "queries_total" = 0 AND "usage" ->> 'queriesTotal' ~ '^\d+$'
      THEN ("usage" ->> 'queriesTotal')::integer ELSE "queries_total" END
WHERE "usage" ?| array['tokensThisPeriod', 'tokensTotal', 'queriesThisPeriod', 'queriesTotal'];--> statement-breakpoint
UPDATE "asset_policies"
SET "require_encryption" = CASE WHEN jsonb_typeof("flags" -> 'requireEncryption') = 'boolean'
      THEN ("flags" ->> 'requireEncryption')::boolean ELSE "require_encryption" END,
    "allow_public_access" = CASE WHEN jsonb_typeof("flags" -> 'allowPublicAccess') = 'boolean'
      THEN ("flags" ->> 'allowPublicAccess')::boolean ELSE "allow_public_access" END,
    "audit_all_access" = CASE WHEN jsonb_typeof("flags" -> 'auditAllAccess') = 'boolean'
      THEN ("flags" ->> 'auditAllAccess')::boolean ELSE "audit_all_access" END,
    "flags" = "flags" - ARRAY(
      SELECT "key" FROM unnest(array['requireEncryption', 'allowPublicAccess', 'auditAllAccess']) AS "key"
      WHERE jsonb_typeof("flags" -> "key") = 'boolean'
    )
WHERE "flags" ?| array['requireEncryption', 'allowPublicAccess', 'auditAllAccess'];
