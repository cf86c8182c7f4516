-- Data migration: restores the operator's 'ai_session' credits policies that 0028 deactivated.
-- On a database whose operator seeded 'ai_session' rows before adopting this package, 0025
-- inserted its base 'ai.session' rows (token_budget 120000) beside them, and 0028 then kept
-- those and deactivated the operator's (their token_budget, 12000 in the original's seed, went
-- to 120000). Where 0028 found the operator's row alone it renamed it; this does the same for
-- the pairs it got wrong. A pair is:
--   - R, an 'ai.session' row exactly as 0025 inserted it (cost 1, budget 120000, 24 hours,
--     active) and never edited since (updated_at = created_at);
--   - O, an inactive 'ai_session' row of the same engine and model, created before R (the
--     operator's row came first) and last updated at or after R's insert (0028 deactivated it;
--     a row the operator switched off earlier is left alone).
-- For each pair, R (this package's own untouched row) is deleted and O becomes the live
-- 'ai.session' row again, with the operator's prices and budget. No other row is touched, and
-- a second run finds no pair.
-- fluxcore:present-when: select not exists (select 1 from credits_policies r join credits_policies o on o.engine = r.engine and o.model = r.model where r.feature_key = 'ai.session' and r.active and r.cost_credits = 1 and r.token_budget = 120000 and r.duration_hours = 24 and r.updated_at = r.created_at and o.feature_key = 'ai_session' and not o.active and o.created_at < r.created_at and o.updated_at >= r.created_at)
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE TEMPORARY TABLE "fluxcore_ai_session_pairs" ON COMMIT DROP AS
SELECT "r"."id" AS "package_row", "o"."id" AS "operator_row"
FROM "credits_policies" AS "r"
JOIN "credits_policies" AS "o" ON "o"."engine" = "r"."engine" AND "o"."model" = "r"."model"
WHERE "r"."feature_key" = 'ai.session' AND "r"."active"
  AND "r"."cost_credits" = 1 AND "r"."token_budget" = 120000 AND "r"."duration_hours" = 24
  AND "r"."updated_at" = "r"."created_at"
  AND "o"."feature_key" = 'ai_session' AND NOT "o"."active"
  AND "o"."created_at" < "r"."created_at" AND "o"."updated_at" >= "r"."created_at";--> statement-breakpoint
DELETE FROM "credits_policies"
WHERE "id" IN (SELECT "package_row" FROM "fluxcore_ai_session_pairs");--> statement-breakpoint
UPDATE "credits_policies"
SET "feature_key" = 'ai.session', "active" = true, "updated_at" = now()
WHERE "id" IN (SELECT "operator_row" FROM "fluxcore_ai_session_pairs");
