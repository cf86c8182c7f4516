-- Down of 0015_fluxcore_assistants: back to the schema 0014_account_deletion left.
-- Written by db:generate from meta/0015_snapshot.json and meta/0014_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_assistants
DROP TABLE "fluxcore_assistants" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."assistant_runtime";
--> statement-breakpoint
DROP TYPE "public"."assistant_status";
