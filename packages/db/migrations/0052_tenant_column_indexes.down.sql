-- Down of 0052_tenant_column_indexes: back to the schema 0051_conversation_accounts_function left.
-- Written by db:generate from meta/0052_snapshot.json and meta/0051_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
DROP INDEX "fluxcore_actor_identity_links_tenant_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_cognition_queue_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_session_projection_account_id_idx";
--> statement-breakpoint
DROP INDEX "special_dates_owner_id_idx";
--> statement-breakpoint
DROP INDEX "weekly_intervals_owner_id_idx";
--> statement-breakpoint
DROP INDEX "weekly_schedules_owner_id_idx";
