-- Down of 0021_billing: back to the schema 0020_marketplace left.
-- Written by db:generate from meta/0021_snapshot.json and meta/0020_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_account_credits
DROP TABLE "fluxcore_account_credits" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_credit_transactions
DROP TABLE "fluxcore_credit_transactions" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."fluxcore_credit_plan_type";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_credit_transaction_type";
