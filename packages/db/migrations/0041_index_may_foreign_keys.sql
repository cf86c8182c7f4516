-- An index on every foreign key the May lineage's tables declare without one (the original
-- created them so; every other key of the schema has its index). Their on delete stays the
-- original's (NO ACTION): the original's write paths delete children first.
-- Reviewed squawk exception, for this file:
--   require-concurrent-index-creation: db:migrate runs each migration in one transaction, where
--     CONCURRENTLY is impossible; the timeouts below bound the wait.
-- squawk-ignore-file require-concurrent-index-creation
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
CREATE INDEX "ai_signals_trace_id_idx" ON "ai_signals" USING btree ("trace_id");--> statement-breakpoint
CREATE INDEX "ai_signals_relationship_id_idx" ON "ai_signals" USING btree ("relationship_id");--> statement-breakpoint
CREATE INDEX "ai_traces_message_id_idx" ON "ai_traces" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "chatcore_outbox_message_id_idx" ON "chatcore_outbox" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "fluxcore_agent_assistants_assistant_id_idx" ON "fluxcore_agent_assistants" USING btree ("assistant_id");--> statement-breakpoint
CREATE INDEX "fluxcore_agent_assistants_agent_id_idx" ON "fluxcore_agent_assistants" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "fluxcore_agents_account_id_idx" ON "fluxcore_agents" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_decision_events_account_id_idx" ON "fluxcore_decision_events" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_external_effect_claims_work_id_idx" ON "fluxcore_external_effect_claims" USING btree ("work_id");--> statement-breakpoint
CREATE INDEX "fluxcore_external_effect_claims_semantic_context_id_idx" ON "fluxcore_external_effect_claims" USING btree ("semantic_context_id");--> statement-breakpoint
CREATE INDEX "fluxcore_external_effect_claims_external_effect_id_idx" ON "fluxcore_external_effect_claims" USING btree ("external_effect_id");--> statement-breakpoint
CREATE INDEX "fluxcore_external_effect_claims_account_id_idx" ON "fluxcore_external_effect_claims" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_external_effects_work_id_idx" ON "fluxcore_external_effects" USING btree ("work_id");--> statement-breakpoint
CREATE INDEX "fluxcore_proposed_works_work_definition_id_idx" ON "fluxcore_proposed_works" USING btree ("work_definition_id");--> statement-breakpoint
CREATE INDEX "fluxcore_proposed_works_decision_event_id_idx" ON "fluxcore_proposed_works" USING btree ("decision_event_id");--> statement-breakpoint
CREATE INDEX "fluxcore_proposed_works_account_id_idx" ON "fluxcore_proposed_works" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_semantic_contexts_work_id_idx" ON "fluxcore_semantic_contexts" USING btree ("work_id");--> statement-breakpoint
CREATE INDEX "fluxcore_work_events_account_id_idx" ON "fluxcore_work_events" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_work_slots_account_id_idx" ON "fluxcore_work_slots" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fluxcore_works_work_definition_id_idx" ON "fluxcore_works" USING btree ("work_definition_id");--> statement-breakpoint
CREATE INDEX "fluxcore_works_relationship_id_idx" ON "fluxcore_works" USING btree ("relationship_id");--> statement-breakpoint
CREATE INDEX "relationships_actor_b_id_idx" ON "relationships" USING btree ("actor_b_id");--> statement-breakpoint
CREATE INDEX "signals_sender_user_id_idx" ON "signals" USING btree ("sender_user_id");--> statement-breakpoint
CREATE INDEX "signals_sender_account_id_idx" ON "signals" USING btree ("sender_account_id");--> statement-breakpoint
CREATE INDEX "signals_deleted_by_idx" ON "signals" USING btree ("deleted_by");