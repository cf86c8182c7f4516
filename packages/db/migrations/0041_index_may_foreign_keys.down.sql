-- Down of 0041_index_may_foreign_keys: back to the schema 0040_drop_vector_store_files_file_fk left.
-- Written by db:generate from meta/0041_snapshot.json and meta/0040_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
DROP INDEX "ai_signals_trace_id_idx";
--> statement-breakpoint
DROP INDEX "ai_signals_relationship_id_idx";
--> statement-breakpoint
DROP INDEX "ai_traces_message_id_idx";
--> statement-breakpoint
DROP INDEX "chatcore_outbox_message_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_agent_assistants_assistant_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_agent_assistants_agent_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_agents_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_decision_events_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_external_effect_claims_work_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_external_effect_claims_semantic_context_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_external_effect_claims_external_effect_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_external_effect_claims_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_external_effects_work_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_proposed_works_work_definition_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_proposed_works_decision_event_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_proposed_works_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_semantic_contexts_work_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_work_events_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_work_slots_account_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_works_work_definition_id_idx";
--> statement-breakpoint
DROP INDEX "fluxcore_works_relationship_id_idx";
--> statement-breakpoint
DROP INDEX "relationships_actor_b_id_idx";
--> statement-breakpoint
DROP INDEX "signals_sender_user_id_idx";
--> statement-breakpoint
DROP INDEX "signals_sender_account_id_idx";
--> statement-breakpoint
DROP INDEX "signals_deleted_by_idx";
