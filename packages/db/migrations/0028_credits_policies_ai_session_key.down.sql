-- Down of 0028_credits_policies_ai_session_key: a data migration, so written by hand. It
-- undoes nothing on purpose: 'ai_session' was a bug (no code ever looked it up), and after
-- the up a renamed policy cannot be told from one that was always 'ai.session'. Rolling back
-- changes no row; the schema is the one 0027 left.
SELECT 1;
