-- accounts.alias NOT NULL: 0042 filled every null from its username, and its trigger gives
-- every later write without an alias its username, so no write of either lineage is refused.
-- Reviewed squawk exception, for this file:
--   adding-not-nullable-field: the scan that checks no null is left is one pass over accounts;
--     the timeouts below bound the wait.
-- squawk-ignore-file adding-not-nullable-field
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "alias" SET NOT NULL;