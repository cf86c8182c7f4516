SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD COLUMN "request_fingerprint" varchar(64);