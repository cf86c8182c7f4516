-- Down of 0025_credits_policies_seed: a data migration, so written by hand (db:generate cannot
-- diff a migration that changes no schema). It deletes exactly the two base policies 0025
-- inserted, found by their key (feature_key, engine, model), and nothing else. The up leaves a
-- policy that already had that key alone (ON CONFLICT DO NOTHING); this down cannot tell such a
-- row from its own and deletes it too. bun run db:seed inserts both again.
DELETE FROM "credits_policies"
WHERE "feature_key" = 'ai.session'
  AND ("engine", "model") IN (('openai_chat', 'gpt-4o-mini-2024-07-18'), ('groq_chat', 'llama-3.1-8b-instant'));
