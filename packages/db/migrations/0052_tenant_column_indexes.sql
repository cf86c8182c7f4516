-- Issue 24: an index that leads with each tenant column row-level security filters on (the
-- audit's check): the tenant, child and shared tables that had none. In the migration's
-- transaction, as every migration here (drizzle-kit's own migrate runs them all in one
-- transaction, where CONCURRENTLY is refused); the six tables are May's small kernel, runtime
-- and location tables, and `db:migrate --online` builds each index CONCURRENTLY instead.
-- Reviewed squawk exception, for this file:
--   require-concurrent-index-creation: see above; the timeouts below bound the wait.
-- squawk-ignore-file require-concurrent-index-creation
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
CREATE INDEX "fluxcore_actor_identity_links_tenant_id_idx" ON "fluxcore_actor_identity_links" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "fluxcore_cognition_queue_account_id_idx" ON "fluxcore_cognition_queue" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_session_projection_account_id_idx" ON "fluxcore_session_projection" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "special_dates_owner_id_idx" ON "special_dates" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "weekly_intervals_owner_id_idx" ON "weekly_intervals" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "weekly_schedules_owner_id_idx" ON "weekly_schedules" USING btree ("owner_id");
