-- Down of 0012_credits: back to the schema 0011_account_ai_entitlements left.
-- Written by db:generate from meta/0012_snapshot.json and meta/0011_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=credits_conversation_sessions
DROP TABLE "credits_conversation_sessions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=credits_ledger
DROP TABLE "credits_ledger" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=credits_policies
DROP TABLE "credits_policies" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=credits_wallets
DROP TABLE "credits_wallets" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."credits_ledger_entry_type";
