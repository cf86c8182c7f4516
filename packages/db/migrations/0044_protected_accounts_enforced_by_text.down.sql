-- Down of 0044_protected_accounts_enforced_by_text: back to the schema 0043_accounts_alias_not_null left.
-- Written by db:generate from meta/0044_snapshot.json and meta/0043_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
DO $$
DECLARE n integer;
BEGIN
  SELECT count(*) INTO n FROM "protected_accounts" p
   WHERE p."enforced_by" IS NOT NULL
     AND (p."enforced_by" !~ '^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$'
          OR NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id"::text = lower(p."enforced_by")));
  IF n > 0 THEN
    RAISE EXCEPTION 'protected_accounts.enforced_by: % row(s) name no user (such as ''system'', as the original writes); set them to null (update protected_accounts set enforced_by = null where ...) and roll back again', n;
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "protected_accounts" ALTER COLUMN "enforced_by" SET DATA TYPE uuid USING "enforced_by"::uuid;
--> statement-breakpoint
ALTER TABLE "protected_accounts" ADD CONSTRAINT "protected_accounts_enforced_by_fk" FOREIGN KEY ("enforced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "protected_accounts_enforced_by_idx" ON "protected_accounts" USING btree ("enforced_by");
