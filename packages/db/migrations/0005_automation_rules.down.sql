-- Down of 0005_automation_rules: back to the schema 0004_account_alias left.
-- Written by db:generate from meta/0005_snapshot.json and meta/0004_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=automation_rules
DROP TABLE "automation_rules" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."automation_mode";
