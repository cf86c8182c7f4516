-- accounts.alias is never null, and no write of either lineage has to name it:
--   * May's own database made it NOT NULL after filling it from username (s/045); its app reads
--     it as a string;
--   * February's app inserts accounts without an alias.
-- A row written without an alias (or with alias set to null) takes its username, as May's 045
-- filled it; existing nulls get the same here, before the column becomes NOT NULL (next
-- migration). Nothing the original writes is refused.
-- fluxcore:present-when: select count(*) = 1 from pg_trigger where not tgisinternal and tgname = 'accounts_alias_from_username'
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_accounts_alias_from_username"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.alias := NEW.username;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_alias_from_username" BEFORE INSERT OR UPDATE ON "public"."accounts" FOR EACH ROW WHEN (NEW.alias IS NULL) EXECUTE FUNCTION "public"."fluxcore_accounts_alias_from_username"();--> statement-breakpoint
UPDATE "public"."accounts" SET "alias" = "username" WHERE "alias" IS NULL;
