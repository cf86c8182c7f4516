-- Data migration: the original seeded credits policies under feature_key 'ai_session', but its
-- own gating code looked up 'ai.session' (this package's aiSessionFeatureKey), so those
-- policies never applied. Idempotent, and no row is ever deleted:
--   1. an 'ai_session' policy whose engine and model have no 'ai.session' policy is renamed to
--      'ai.session', keeping its prices and budget;
--   2. where both exist (0025 inserts the base 'ai.session' policies, so a converged original
--      database has both), the 'ai.session' row stays the live one (it is what the code has
--      been reading) and the 'ai_session' row is kept, deactivated, as history.
-- fluxcore:present-when: select not exists (select 1 from credits_policies where feature_key = 'ai_session' and active)
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
UPDATE "credits_policies" AS "old"
SET "feature_key" = 'ai.session', "updated_at" = now()
WHERE "old"."feature_key" = 'ai_session'
  AND NOT EXISTS (
    SELECT 1 FROM "credits_policies" AS "live"
    WHERE "live"."feature_key" = 'ai.session'
      AND "live"."engine" = "old"."engine"
      AND "live"."model" = "old"."model"
  );--> statement-breakpoint
UPDATE "credits_policies"
SET "active" = false, "updated_at" = now()
WHERE "feature_key" = 'ai_session' AND "active";
