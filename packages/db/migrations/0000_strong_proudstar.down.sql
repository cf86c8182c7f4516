-- Down of 0000_strong_proudstar: back to an empty database.
-- Written by db:generate from meta/0000_snapshot.json and an empty snapshot (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=accounts
DROP TABLE "accounts" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=actors
DROP TABLE "actors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=users
DROP TABLE "users" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."account_type";
