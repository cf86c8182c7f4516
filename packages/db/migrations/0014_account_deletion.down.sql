-- Down of 0014_account_deletion: back to the schema 0013_system_admins left.
-- Written by db:generate from meta/0014_snapshot.json and meta/0013_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=account_deletion_jobs
DROP TABLE "account_deletion_jobs" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=account_deletion_logs
DROP TABLE "account_deletion_logs" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."account_deletion_job_status";
