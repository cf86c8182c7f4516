-- Data migration: the base credits policies of the seed's pending script
-- 009_credits_policies_seed.sql, with the feature key the gating code looks up ('ai.session',
-- exported as aiSessionFeatureKey; the original seeded 'ai_session' and never matched).
-- Idempotent: a policy already present (same feature, engine and model) is left as it is.
-- src/seed/credits-policies.ts holds the same rows; a test keeps the two equal.
-- fluxcore:present-when: select count(*) = 2 from credits_policies where feature_key = 'ai.session' and (engine, model) in (('openai_chat', 'gpt-4o-mini-2024-07-18'), ('groq_chat', 'llama-3.1-8b-instant'))
INSERT INTO "credits_policies" ("feature_key", "engine", "model", "cost_credits", "token_budget", "duration_hours", "active")
VALUES
  ('ai.session', 'openai_chat', 'gpt-4o-mini-2024-07-18', 1, 120000, 24, true),
  ('ai.session', 'groq_chat', 'llama-3.1-8b-instant', 1, 120000, 24, true)
ON CONFLICT ("feature_key", "engine", "model") DO NOTHING;
