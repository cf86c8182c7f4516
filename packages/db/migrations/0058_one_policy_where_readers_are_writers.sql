-- Issue 24: one policy where a shared table's readers are its writers. These tables had a
-- `_read` policy (select) beside a `_write` policy (all commands) with the same rule. For a
-- select PostgreSQL applies every permissive policy of the command, so each statement planned
-- the rule twice, subqueries included: relationships under conversations, under every page of
-- messages and every gated AI call. `_write` stays, and it covers reads: who sees and who
-- writes each row is as before. Policies only, no data: a short lock on each table.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
DROP POLICY "actors_read" ON "actors" CASCADE;--> statement-breakpoint
DROP POLICY "conversations_read" ON "conversations" CASCADE;--> statement-breakpoint
DROP POLICY "extension_contexts_read" ON "extension_contexts" CASCADE;--> statement-breakpoint
DROP POLICY "fluxcore_rag_configurations_read" ON "fluxcore_rag_configurations" CASCADE;--> statement-breakpoint
DROP POLICY "relationships_read" ON "relationships" CASCADE;--> statement-breakpoint
DROP POLICY "signals_read" ON "signals" CASCADE;--> statement-breakpoint
DROP POLICY "special_dates_read" ON "special_dates" CASCADE;--> statement-breakpoint
DROP POLICY "weekly_intervals_read" ON "weekly_intervals" CASCADE;--> statement-breakpoint
DROP POLICY "weekly_schedules_read" ON "weekly_schedules" CASCADE;