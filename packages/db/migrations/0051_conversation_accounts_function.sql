-- Issue 24: the two accounts of a conversation, for the runtime roles to choose the tenant a
-- conversation's request acts as (the API's GET /conversations/:id/messages names no account).
-- SECURITY DEFINER: it reads past row-level security, as the owner, and returns only the two
-- account ids of the one conversation asked for (nothing for an unknown id); the caller then
-- acts as one of them, where the policies decide again. A fixed search_path, so no object of
-- the caller's can stand in for the tables. Only the runtime roles may execute it.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_conversation_accounts"(p_conversation_id uuid)
RETURNS TABLE (account_a_id uuid, account_b_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT r.account_a_id, r.account_b_id
    FROM public.conversations c
    JOIN public.relationships r ON r.id = c.relationship_id
   WHERE c.id = p_conversation_id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "public"."fluxcore_conversation_accounts"(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."fluxcore_conversation_accounts"(uuid) TO "fluxcore_app", "fluxcore_system";
