-- Drops the columns whose values 0031 copied into the original's columns. It first checks that
-- every value is there (the statement below): otherwise it stops, naming the table, the row
-- count and example ids, and nothing changes.
-- squawk-ignore-file ban-drop-column
--   (the guard below proves each dropped value lives on in the original's column)
-- squawk-ignore-file constraint-missing-not-valid
--   (the two checks restate rules that held on the dropped columns, now on the original's;
--   validating them scans the two marketplace tables within the timeouts below)
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
DO $$
DECLARE
  lost_listings bigint;
  lost_subscriptions bigint;
  examples text;
BEGIN
  SELECT count(*), string_agg(id::text, ', ') FILTER (WHERE n <= 3) INTO lost_listings, examples
  FROM (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM fluxcore_marketplace_listings
    WHERE (price > 0 AND round(price * 100) <> price_cents)
       OR (stats ? 'totalQueries' AND (stats ->> 'totalQueries') IS DISTINCT FROM total_queries::text)
       OR (stats ? 'totalRevenue' AND NOT (stats ->> 'totalRevenue' ~ '^\d+(\.\d+)?$'
           AND round((stats ->> 'totalRevenue')::numeric * 100) = total_revenue_cents))
       OR (stats - 'totalQueries' - 'totalRevenue' - 'totalSubscribers' - 'ratingAverage' - 'ratingCount') <> '{}'::jsonb
  ) AS lost;
  IF lost_listings > 0 THEN
    RAISE EXCEPTION 'fluxcore_marketplace_listings: % row(s) hold a price or stats value that price_cents, total_queries and total_revenue_cents do not (for example %). Copy them into those columns (0031 copies what it can), then run db:migrate again', lost_listings, examples;
  END IF;
  SELECT count(*), string_agg(id::text, ', ') FILTER (WHERE n <= 3) INTO lost_subscriptions, examples
  FROM (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM fluxcore_marketplace_subscriptions
    WHERE (total_paid > 0 AND round(total_paid * 100) <> total_paid_cents)
       OR (usage ? 'tokensThisPeriod' AND (usage ->> 'tokensThisPeriod') IS DISTINCT FROM tokens_used_this_period::text)
       OR (usage ? 'tokensTotal' AND (usage ->> 'tokensTotal') IS DISTINCT FROM tokens_used_total::text)
       OR (usage ? 'queriesThisPeriod' AND (usage ->> 'queriesThisPeriod') IS DISTINCT FROM queries_this_period::text)
       OR (usage ? 'queriesTotal' AND (usage ->> 'queriesTotal') IS DISTINCT FROM queries_total::text)
       OR (usage - 'tokensThisPeriod' - 'tokensTotal' - 'queriesThisPeriod' - 'queriesTotal') <> '{}'::jsonb
  ) AS lost;
  IF lost_subscriptions > 0 THEN
    RAISE EXCEPTION 'fluxcore_marketplace_subscriptions: % row(s) hold a total_paid or usage value that the counter columns do not (for example %). Copy them into those columns (0031 copies what it can), then run db:migrate again', lost_subscriptions, examples;
  END IF;
END
$$;--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" DROP CONSTRAINT "fluxcore_marketplace_listings_price_check";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP CONSTRAINT "fluxcore_marketplace_subscriptions_total_paid_check";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "price";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" DROP COLUMN "stats";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "usage";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" DROP COLUMN "total_paid";--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" ADD CONSTRAINT "fluxcore_marketplace_listings_price_check" CHECK ("fluxcore_marketplace_listings"."pricing_model" <> 'free' or "fluxcore_marketplace_listings"."price_cents" = 0);--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" ADD CONSTRAINT "fluxcore_marketplace_subscriptions_counters_check" CHECK ("fluxcore_marketplace_subscriptions"."total_paid_cents" >= 0 and "fluxcore_marketplace_subscriptions"."tokens_used_this_period" >= 0 and "fluxcore_marketplace_subscriptions"."tokens_used_total" >= 0 and "fluxcore_marketplace_subscriptions"."queries_this_period" >= 0 and "fluxcore_marketplace_subscriptions"."queries_total" >= 0);