-- Down of 0044_tenant_column_indexes: back to the schema 0043_tenant_policies left.
-- Written by db:generate from meta/0044_snapshot.json and meta/0043_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
DROP INDEX "chatcore_outbox_message_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_actor_identity_links_tenant_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_agent_assistants_agent_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_agents_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_cognition_queue_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_decision_events_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_external_effect_claims_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_proposed_works_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_session_projection_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_work_events_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_work_slots_account_id_idx";
--> statement-breakpoint
DROP INDEX "signals_sender_account_id_idx";
--> statement-breakpoint
DROP INDEX "special_dates_owner_id_idx";
--> statement-breakpoint
DROP INDEX "weekly_intervals_owner_id_idx";
--> statement-breakpoint
DROP INDEX "weekly_schedules_owner_id_idx";
