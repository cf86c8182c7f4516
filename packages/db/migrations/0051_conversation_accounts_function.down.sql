-- Down of 0051_conversation_accounts_function: written by hand; the function holds no data.
DROP FUNCTION IF EXISTS "public"."fluxcore_conversation_accounts"(uuid);
