-- fluxcore:no-transaction
-- Issue 24: an index that leads with each tenant column row-level security filters on (the
-- audit's check): the tenant, child and shared tables that had none. Built CONCURRENTLY, so
-- writes go on while it builds; outside a transaction (the runner checks none is left
-- invalid, and IF NOT EXISTS lets a second run finish what a failed one began).
SET lock_timeout = '5s';--> statement-breakpoint
SET statement_timeout = '30min';--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "fluxcore_actor_identity_links_tenant_id_idx" ON "fluxcore_actor_identity_links" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "fluxcore_cognition_queue_account_id_idx" ON "fluxcore_cognition_queue" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "fluxcore_session_projection_account_id_idx" ON "fluxcore_session_projection" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "special_dates_owner_id_idx" ON "special_dates" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "weekly_intervals_owner_id_idx" ON "weekly_intervals" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "weekly_schedules_owner_id_idx" ON "weekly_schedules" USING btree ("owner_id");--> statement-breakpoint
RESET lock_timeout;--> statement-breakpoint
RESET statement_timeout;
