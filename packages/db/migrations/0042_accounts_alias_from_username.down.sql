-- The aliases filled from usernames stay (they are values the column accepts either way).
DROP TRIGGER IF EXISTS "accounts_alias_from_username" ON "public"."accounts";--> statement-breakpoint
DROP FUNCTION IF EXISTS "public"."fluxcore_accounts_alias_from_username"();
