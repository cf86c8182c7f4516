-- Down of 0050_tenant_policies: back to the schema 0049_runtime_grants left.
-- Written by db:generate from meta/0050_snapshot.json and meta/0049_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "account_ai_entitlements" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_deletion_logs" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_locations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_runtime_config" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "accounts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "actors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_signals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_suggestions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_traces" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointment_services" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointment_staff" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointments" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "asset_audit_logs" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "asset_enrichments" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "asset_policies" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "asset_upload_sessions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "assets" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "automation_rules" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "chatcore_outbox" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "conversation_participants" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "conversations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "credits_conversation_sessions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "credits_ledger" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "credits_wallets" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "extension_contexts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "extension_installations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_policies" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_action_audit" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_actor_address_links" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_actor_identity_links" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_actors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_agent_assistants" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_agents" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_asset_permissions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_instructions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_tools" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_cognition_queue" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_decision_events" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_external_effect_claims" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_external_effects" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_files" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_instruction_versions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_instructions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_listings" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_reviews" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_marketplace_subscriptions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_proposed_works" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_semantic_contexts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_session_projection" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_template_settings" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_definitions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_usage_logs" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_stats" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_work_definitions" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_work_events" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_work_slots" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_works" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "media_attachments" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "message_assets" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "message_enrichments" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "message_visibility" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "messages" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "plan_assets" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "protected_accounts" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "relationships" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "signal_delivery_log" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "signals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "special_dates" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "special_intervals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "template_assets" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "templates" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "website_configs" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "weekly_intervals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "weekly_schedules" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workspace_invitations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workspace_members" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workspaces" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY "account_ai_entitlements_tenant" ON "account_ai_entitlements" CASCADE;
--> statement-breakpoint
DROP POLICY "account_deletion_jobs_tenant" ON "account_deletion_jobs" CASCADE;
--> statement-breakpoint
DROP POLICY "account_deletion_jobs_worker_queue" ON "account_deletion_jobs" CASCADE;
--> statement-breakpoint
DROP POLICY "account_deletion_logs_system_references" ON "account_deletion_logs" CASCADE;
--> statement-breakpoint
DROP POLICY "account_deletion_logs_tenant" ON "account_deletion_logs" CASCADE;
--> statement-breakpoint
DROP POLICY "account_locations_tenant" ON "account_locations" CASCADE;
--> statement-breakpoint
DROP POLICY "account_runtime_config_tenant" ON "account_runtime_config" CASCADE;
--> statement-breakpoint
DROP POLICY "accounts_system_references" ON "accounts" CASCADE;
--> statement-breakpoint
DROP POLICY "accounts_tenant" ON "accounts" CASCADE;
--> statement-breakpoint
DROP POLICY "actors_read" ON "actors" CASCADE;
--> statement-breakpoint
DROP POLICY "actors_system_references" ON "actors" CASCADE;
--> statement-breakpoint
DROP POLICY "actors_write" ON "actors" CASCADE;
--> statement-breakpoint
DROP POLICY "ai_signals_tenant" ON "ai_signals" CASCADE;
--> statement-breakpoint
DROP POLICY "ai_suggestions_tenant" ON "ai_suggestions" CASCADE;
--> statement-breakpoint
DROP POLICY "ai_traces_tenant" ON "ai_traces" CASCADE;
--> statement-breakpoint
DROP POLICY "appointment_services_tenant" ON "appointment_services" CASCADE;
--> statement-breakpoint
DROP POLICY "appointment_staff_tenant" ON "appointment_staff" CASCADE;
--> statement-breakpoint
DROP POLICY "appointments_read" ON "appointments" CASCADE;
--> statement-breakpoint
DROP POLICY "appointments_system_references" ON "appointments" CASCADE;
--> statement-breakpoint
DROP POLICY "appointments_write" ON "appointments" CASCADE;
--> statement-breakpoint
DROP POLICY "asset_audit_logs_tenant" ON "asset_audit_logs" CASCADE;
--> statement-breakpoint
DROP POLICY "asset_enrichments_tenant" ON "asset_enrichments" CASCADE;
--> statement-breakpoint
DROP POLICY "asset_policies_read" ON "asset_policies" CASCADE;
--> statement-breakpoint
DROP POLICY "asset_policies_system_references" ON "asset_policies" CASCADE;
--> statement-breakpoint
DROP POLICY "asset_policies_write" ON "asset_policies" CASCADE;
--> statement-breakpoint
DROP POLICY "asset_upload_sessions_tenant" ON "asset_upload_sessions" CASCADE;
--> statement-breakpoint
DROP POLICY "assets_tenant" ON "assets" CASCADE;
--> statement-breakpoint
DROP POLICY "automation_rules_tenant" ON "automation_rules" CASCADE;
--> statement-breakpoint
DROP POLICY "chatcore_outbox_tenant" ON "chatcore_outbox" CASCADE;
--> statement-breakpoint
DROP POLICY "conversation_participants_tenant" ON "conversation_participants" CASCADE;
--> statement-breakpoint
DROP POLICY "conversations_read" ON "conversations" CASCADE;
--> statement-breakpoint
DROP POLICY "conversations_system_references" ON "conversations" CASCADE;
--> statement-breakpoint
DROP POLICY "conversations_write" ON "conversations" CASCADE;
--> statement-breakpoint
DROP POLICY "credits_conversation_sessions_tenant" ON "credits_conversation_sessions" CASCADE;
--> statement-breakpoint
DROP POLICY "credits_ledger_tenant" ON "credits_ledger" CASCADE;
--> statement-breakpoint
DROP POLICY "credits_wallets_tenant" ON "credits_wallets" CASCADE;
--> statement-breakpoint
DROP POLICY "extension_contexts_read" ON "extension_contexts" CASCADE;
--> statement-breakpoint
DROP POLICY "extension_contexts_system_references" ON "extension_contexts" CASCADE;
--> statement-breakpoint
DROP POLICY "extension_contexts_write" ON "extension_contexts" CASCADE;
--> statement-breakpoint
DROP POLICY "extension_installations_system_references" ON "extension_installations" CASCADE;
--> statement-breakpoint
DROP POLICY "extension_installations_tenant" ON "extension_installations" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_account_actor_contexts_tenant" ON "fluxcore_account_actor_contexts" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_account_credits_tenant" ON "fluxcore_account_credits" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_account_policies_tenant" ON "fluxcore_account_policies" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_action_audit_tenant" ON "fluxcore_action_audit" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_actor_address_links_tenant" ON "fluxcore_actor_address_links" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_actor_identity_links_tenant" ON "fluxcore_actor_identity_links" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_actors_tenant" ON "fluxcore_actors" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_agent_assistants_tenant" ON "fluxcore_agent_assistants" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_agents_tenant" ON "fluxcore_agents" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_asset_permissions_read" ON "fluxcore_asset_permissions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_asset_permissions_system_references" ON "fluxcore_asset_permissions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_asset_permissions_write" ON "fluxcore_asset_permissions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_assistant_instructions_tenant" ON "fluxcore_assistant_instructions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_assistant_tools_tenant" ON "fluxcore_assistant_tools" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_assistant_vector_stores_tenant" ON "fluxcore_assistant_vector_stores" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_assistants_tenant" ON "fluxcore_assistants" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_cognition_queue_tenant" ON "fluxcore_cognition_queue" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_credit_transactions_tenant" ON "fluxcore_credit_transactions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_decision_events_tenant" ON "fluxcore_decision_events" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_document_chunks_tenant" ON "fluxcore_document_chunks" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_external_effect_claims_tenant" ON "fluxcore_external_effect_claims" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_external_effects_tenant" ON "fluxcore_external_effects" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_files_tenant" ON "fluxcore_files" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_instruction_versions_tenant" ON "fluxcore_instruction_versions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_instructions_tenant" ON "fluxcore_instructions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_listings_read" ON "fluxcore_marketplace_listings" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_listings_system_references" ON "fluxcore_marketplace_listings" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_listings_write" ON "fluxcore_marketplace_listings" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_reviews_read" ON "fluxcore_marketplace_reviews" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_reviews_system_references" ON "fluxcore_marketplace_reviews" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_reviews_write" ON "fluxcore_marketplace_reviews" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_subscriptions_read" ON "fluxcore_marketplace_subscriptions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_subscriptions_system_references" ON "fluxcore_marketplace_subscriptions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_marketplace_subscriptions_write" ON "fluxcore_marketplace_subscriptions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_proposed_works_tenant" ON "fluxcore_proposed_works" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_rag_configurations_read" ON "fluxcore_rag_configurations" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_rag_configurations_system_references" ON "fluxcore_rag_configurations" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_rag_configurations_write" ON "fluxcore_rag_configurations" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_semantic_contexts_tenant" ON "fluxcore_semantic_contexts" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_session_projection_tenant" ON "fluxcore_session_projection" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_template_settings_tenant" ON "fluxcore_template_settings" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_tool_connections_tenant" ON "fluxcore_tool_connections" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_tool_definitions_read" ON "fluxcore_tool_definitions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_tool_definitions_system_references" ON "fluxcore_tool_definitions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_tool_definitions_write" ON "fluxcore_tool_definitions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_usage_logs_tenant" ON "fluxcore_usage_logs" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_vector_store_files_tenant" ON "fluxcore_vector_store_files" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_vector_store_stats_tenant" ON "fluxcore_vector_store_stats" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_vector_stores_tenant" ON "fluxcore_vector_stores" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_work_definitions_tenant" ON "fluxcore_work_definitions" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_work_events_tenant" ON "fluxcore_work_events" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_work_slots_tenant" ON "fluxcore_work_slots" CASCADE;
--> statement-breakpoint
DROP POLICY "fluxcore_works_tenant" ON "fluxcore_works" CASCADE;
--> statement-breakpoint
DROP POLICY "media_attachments_tenant" ON "media_attachments" CASCADE;
--> statement-breakpoint
DROP POLICY "message_assets_tenant" ON "message_assets" CASCADE;
--> statement-breakpoint
DROP POLICY "message_enrichments_tenant" ON "message_enrichments" CASCADE;
--> statement-breakpoint
DROP POLICY "message_visibility_tenant" ON "message_visibility" CASCADE;
--> statement-breakpoint
DROP POLICY "messages_system_references" ON "messages" CASCADE;
--> statement-breakpoint
DROP POLICY "messages_tenant" ON "messages" CASCADE;
--> statement-breakpoint
DROP POLICY "plan_assets_tenant" ON "plan_assets" CASCADE;
--> statement-breakpoint
DROP POLICY "protected_accounts_tenant" ON "protected_accounts" CASCADE;
--> statement-breakpoint
DROP POLICY "relationships_read" ON "relationships" CASCADE;
--> statement-breakpoint
DROP POLICY "relationships_system_references" ON "relationships" CASCADE;
--> statement-breakpoint
DROP POLICY "relationships_write" ON "relationships" CASCADE;
--> statement-breakpoint
DROP POLICY "signal_delivery_log_tenant" ON "signal_delivery_log" CASCADE;
--> statement-breakpoint
DROP POLICY "signals_read" ON "signals" CASCADE;
--> statement-breakpoint
DROP POLICY "signals_system_references" ON "signals" CASCADE;
--> statement-breakpoint
DROP POLICY "signals_write" ON "signals" CASCADE;
--> statement-breakpoint
DROP POLICY "special_dates_read" ON "special_dates" CASCADE;
--> statement-breakpoint
DROP POLICY "special_dates_write" ON "special_dates" CASCADE;
--> statement-breakpoint
DROP POLICY "special_intervals_tenant" ON "special_intervals" CASCADE;
--> statement-breakpoint
DROP POLICY "template_assets_tenant" ON "template_assets" CASCADE;
--> statement-breakpoint
DROP POLICY "templates_tenant" ON "templates" CASCADE;
--> statement-breakpoint
DROP POLICY "website_configs_tenant" ON "website_configs" CASCADE;
--> statement-breakpoint
DROP POLICY "weekly_intervals_read" ON "weekly_intervals" CASCADE;
--> statement-breakpoint
DROP POLICY "weekly_intervals_write" ON "weekly_intervals" CASCADE;
--> statement-breakpoint
DROP POLICY "weekly_schedules_read" ON "weekly_schedules" CASCADE;
--> statement-breakpoint
DROP POLICY "weekly_schedules_write" ON "weekly_schedules" CASCADE;
--> statement-breakpoint
DROP POLICY "workspace_invitations_tenant" ON "workspace_invitations" CASCADE;
--> statement-breakpoint
DROP POLICY "workspace_members_read" ON "workspace_members" CASCADE;
--> statement-breakpoint
DROP POLICY "workspace_members_write" ON "workspace_members" CASCADE;
--> statement-breakpoint
DROP POLICY "workspaces_tenant" ON "workspaces" CASCADE;
