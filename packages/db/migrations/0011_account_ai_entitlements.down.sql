-- Down of 0011_account_ai_entitlements: back to the schema 0010_appointments left.
-- Written by db:generate from meta/0011_snapshot.json and meta/0010_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=account_ai_entitlements
DROP TABLE "account_ai_entitlements" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."ai_provider";
