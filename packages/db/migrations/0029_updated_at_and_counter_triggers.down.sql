-- Down of 0029_updated_at_and_counter_triggers: written by hand (a custom migration). It drops
-- the triggers and functions 0029 created. The counters it computed stay as they are (columns
-- of 0026; rolling back 0026 drops them).
DROP TRIGGER "fluxcore_vector_store_files_count_removed" ON "public"."fluxcore_vector_store_files";
--> statement-breakpoint
DROP TRIGGER "fluxcore_vector_store_files_count_added" ON "public"."fluxcore_vector_store_files";
--> statement-breakpoint
DROP FUNCTION "public"."fluxcore_vector_store_count_files"();
--> statement-breakpoint
DROP TRIGGER "fluxcore_document_chunks_count_removed" ON "public"."fluxcore_document_chunks";
--> statement-breakpoint
DROP TRIGGER "fluxcore_document_chunks_count_added" ON "public"."fluxcore_document_chunks";
--> statement-breakpoint
DROP FUNCTION "public"."fluxcore_vector_store_count_chunks"();
--> statement-breakpoint
DROP TRIGGER "fluxcore_marketplace_reviews_rate_listing" ON "public"."fluxcore_marketplace_reviews";
--> statement-breakpoint
DROP FUNCTION "public"."fluxcore_marketplace_rate_listing"();
--> statement-breakpoint
DROP TRIGGER "fluxcore_marketplace_subscriptions_count_removed" ON "public"."fluxcore_marketplace_subscriptions";
--> statement-breakpoint
DROP TRIGGER "fluxcore_marketplace_subscriptions_count_added" ON "public"."fluxcore_marketplace_subscriptions";
--> statement-breakpoint
DROP FUNCTION "public"."fluxcore_marketplace_count_subscribers"();
--> statement-breakpoint
DROP TRIGGER "workspaces_touch_updated_at" ON "public"."workspaces";
--> statement-breakpoint
DROP TRIGGER "workspace_members_touch_updated_at" ON "public"."workspace_members";
--> statement-breakpoint
DROP TRIGGER "workspace_invitations_touch_updated_at" ON "public"."workspace_invitations";
--> statement-breakpoint
DROP TRIGGER "website_configs_touch_updated_at" ON "public"."website_configs";
--> statement-breakpoint
DROP TRIGGER "users_touch_updated_at" ON "public"."users";
--> statement-breakpoint
DROP TRIGGER "templates_touch_updated_at" ON "public"."templates";
--> statement-breakpoint
DROP TRIGGER "system_admins_touch_updated_at" ON "public"."system_admins";
--> statement-breakpoint
DROP TRIGGER "relationships_touch_updated_at" ON "public"."relationships";
--> statement-breakpoint
DROP TRIGGER "protected_accounts_touch_updated_at" ON "public"."protected_accounts";
--> statement-breakpoint
DROP TRIGGER "plan_assets_touch_updated_at" ON "public"."plan_assets";
--> statement-breakpoint
DROP TRIGGER "fluxcore_vector_stores_touch_updated_at" ON "public"."fluxcore_vector_stores";
--> statement-breakpoint
DROP TRIGGER "fluxcore_vector_store_stats_touch_updated_at" ON "public"."fluxcore_vector_store_stats";
--> statement-breakpoint
DROP TRIGGER "fluxcore_vector_store_files_touch_updated_at" ON "public"."fluxcore_vector_store_files";
--> statement-breakpoint
DROP TRIGGER "fluxcore_tool_definitions_touch_updated_at" ON "public"."fluxcore_tool_definitions";
--> statement-breakpoint
DROP TRIGGER "fluxcore_tool_connections_touch_updated_at" ON "public"."fluxcore_tool_connections";
--> statement-breakpoint
DROP TRIGGER "fluxcore_template_settings_touch_updated_at" ON "public"."fluxcore_template_settings";
--> statement-breakpoint
DROP TRIGGER "fluxcore_rag_configurations_touch_updated_at" ON "public"."fluxcore_rag_configurations";
--> statement-breakpoint
DROP TRIGGER "fluxcore_marketplace_subscriptions_touch_updated_at" ON "public"."fluxcore_marketplace_subscriptions";
--> statement-breakpoint
DROP TRIGGER "fluxcore_marketplace_reviews_touch_updated_at" ON "public"."fluxcore_marketplace_reviews";
--> statement-breakpoint
DROP TRIGGER "fluxcore_marketplace_listings_touch_updated_at" ON "public"."fluxcore_marketplace_listings";
--> statement-breakpoint
DROP TRIGGER "fluxcore_instructions_touch_updated_at" ON "public"."fluxcore_instructions";
--> statement-breakpoint
DROP TRIGGER "fluxcore_files_touch_updated_at" ON "public"."fluxcore_files";
--> statement-breakpoint
DROP TRIGGER "fluxcore_document_chunks_touch_updated_at" ON "public"."fluxcore_document_chunks";
--> statement-breakpoint
DROP TRIGGER "fluxcore_assistants_touch_updated_at" ON "public"."fluxcore_assistants";
--> statement-breakpoint
DROP TRIGGER "fluxcore_assistant_vector_stores_touch_updated_at" ON "public"."fluxcore_assistant_vector_stores";
--> statement-breakpoint
DROP TRIGGER "fluxcore_assistant_instructions_touch_updated_at" ON "public"."fluxcore_assistant_instructions";
--> statement-breakpoint
DROP TRIGGER "fluxcore_asset_permissions_touch_updated_at" ON "public"."fluxcore_asset_permissions";
--> statement-breakpoint
DROP TRIGGER "fluxcore_account_credits_touch_updated_at" ON "public"."fluxcore_account_credits";
--> statement-breakpoint
DROP TRIGGER "extension_installations_touch_updated_at" ON "public"."extension_installations";
--> statement-breakpoint
DROP TRIGGER "extension_contexts_touch_updated_at" ON "public"."extension_contexts";
--> statement-breakpoint
DROP TRIGGER "credits_wallets_touch_updated_at" ON "public"."credits_wallets";
--> statement-breakpoint
DROP TRIGGER "credits_policies_touch_updated_at" ON "public"."credits_policies";
--> statement-breakpoint
DROP TRIGGER "credits_conversation_sessions_touch_updated_at" ON "public"."credits_conversation_sessions";
--> statement-breakpoint
DROP TRIGGER "conversations_touch_updated_at" ON "public"."conversations";
--> statement-breakpoint
DROP TRIGGER "automation_rules_touch_updated_at" ON "public"."automation_rules";
--> statement-breakpoint
DROP TRIGGER "assets_touch_updated_at" ON "public"."assets";
--> statement-breakpoint
DROP TRIGGER "asset_upload_sessions_touch_updated_at" ON "public"."asset_upload_sessions";
--> statement-breakpoint
DROP TRIGGER "asset_policies_touch_updated_at" ON "public"."asset_policies";
--> statement-breakpoint
DROP TRIGGER "appointments_touch_updated_at" ON "public"."appointments";
--> statement-breakpoint
DROP TRIGGER "appointment_staff_touch_updated_at" ON "public"."appointment_staff";
--> statement-breakpoint
DROP TRIGGER "appointment_services_touch_updated_at" ON "public"."appointment_services";
--> statement-breakpoint
DROP TRIGGER "accounts_touch_updated_at" ON "public"."accounts";
--> statement-breakpoint
DROP TRIGGER "account_deletion_jobs_touch_updated_at" ON "public"."account_deletion_jobs";
--> statement-breakpoint
DROP TRIGGER "account_ai_entitlements_touch_updated_at" ON "public"."account_ai_entitlements";
--> statement-breakpoint
DROP FUNCTION "public"."fluxcore_touch_updated_at"();
