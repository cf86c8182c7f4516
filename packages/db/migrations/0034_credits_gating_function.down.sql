DROP FUNCTION IF EXISTS "public"."fluxcore_apply_credits_gating"(uuid, uuid, text, text, text, text, text);
