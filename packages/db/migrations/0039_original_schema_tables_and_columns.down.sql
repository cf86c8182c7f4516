-- Down of 0039_original_schema_tables_and_columns: back to the schema 0038_restore_operator_ai_session_policies left.
-- Written by db:generate from meta/0039_snapshot.json and meta/0038_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "account_locations" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_runtime_config" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" DISABLE ROW LEVEL SECURITY;
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
ALTER TABLE "fluxcore_addresses" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_cognition_queue" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_projector_cursors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_projector_errors" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_reality_adapters" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_session_projection" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "fluxcore_signals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "message_visibility" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "special_dates" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "special_intervals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "weekly_intervals" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "weekly_schedules" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- fluxcore:destructive table=account_locations
DROP TABLE "account_locations" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=account_runtime_config
DROP TABLE "account_runtime_config" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_account_actor_contexts
DROP TABLE "fluxcore_account_actor_contexts" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_account_policies
DROP TABLE "fluxcore_account_policies" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_action_audit
DROP TABLE "fluxcore_action_audit" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_actor_address_links
DROP TABLE "fluxcore_actor_address_links" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_actor_identity_links
DROP TABLE "fluxcore_actor_identity_links" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_actors
DROP TABLE "fluxcore_actors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_addresses
DROP TABLE "fluxcore_addresses" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_cognition_queue
DROP TABLE "fluxcore_cognition_queue" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_projector_cursors
DROP TABLE "fluxcore_projector_cursors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_projector_errors
DROP TABLE "fluxcore_projector_errors" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_reality_adapters
DROP TABLE "fluxcore_reality_adapters" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_session_projection
DROP TABLE "fluxcore_session_projection" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_signals
DROP TABLE "fluxcore_signals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=message_visibility
DROP TABLE "message_visibility" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=special_dates
DROP TABLE "special_dates" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=special_intervals
DROP TABLE "special_intervals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=weekly_intervals
DROP TABLE "weekly_intervals" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=weekly_schedules
DROP TABLE "weekly_schedules" CASCADE;
--> statement-breakpoint
ALTER TABLE "conversations" DROP CONSTRAINT "conversation_type_valid";
--> statement-breakpoint
ALTER TABLE "credits_ledger" DROP CONSTRAINT "credits_ledger_delta_sign_check";
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" DROP CONSTRAINT "fluxcore_tool_connections_auth_config_check";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "message_deleted_scope_valid";
--> statement-breakpoint
ALTER TABLE "actors" DROP CONSTRAINT "actors_tenant_id_fk";
--> statement-breakpoint
ALTER TABLE "actors" DROP CONSTRAINT "actors_linked_account_id_fk";
--> statement-breakpoint
ALTER TABLE "conversation_participants" DROP CONSTRAINT "conversation_participants_actor_id_actors_id_fk";
--> statement-breakpoint
DROP INDEX "actors_tenant_id_idx";
--> statement-breakpoint
DROP INDEX "actors_linked_account_id_idx";
--> statement-breakpoint
DROP INDEX "actors_external_key_idx";
--> statement-breakpoint
DROP INDEX "idx_conversation_participants_actor";
--> statement-breakpoint
DROP INDEX "idx_templates_trigger";
--> statement-breakpoint
ALTER TABLE "credits_policies" ALTER COLUMN "duration_hours" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "credits_policies" ALTER COLUMN "duration_hours" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "message_id" SET NOT NULL;
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_timestamp
ALTER TABLE "accounts" DROP COLUMN "ai_include_timestamp";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.ai_include_social_links
ALTER TABLE "accounts" DROP COLUMN "ai_include_social_links";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.social_links
ALTER TABLE "accounts" DROP COLUMN "social_links";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.brand_colors
ALTER TABLE "accounts" DROP COLUMN "brand_colors";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.country
ALTER TABLE "accounts" DROP COLUMN "country";
--> statement-breakpoint
-- fluxcore:destructive column=accounts.timezone
ALTER TABLE "accounts" DROP COLUMN "timezone";
--> statement-breakpoint
-- fluxcore:destructive column=actors.external_key
ALTER TABLE "actors" DROP COLUMN "external_key";
--> statement-breakpoint
-- fluxcore:destructive column=actors.tenant_id
ALTER TABLE "actors" DROP COLUMN "tenant_id";
--> statement-breakpoint
-- fluxcore:destructive column=actors.linked_account_id
ALTER TABLE "actors" DROP COLUMN "linked_account_id";
--> statement-breakpoint
-- fluxcore:destructive column=actors.linked_at
ALTER TABLE "actors" DROP COLUMN "linked_at";
--> statement-breakpoint
-- fluxcore:destructive column=actors.migrated_from
ALTER TABLE "actors" DROP COLUMN "migrated_from";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_lat
ALTER TABLE "actors" DROP COLUMN "last_lat";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_lon
ALTER TABLE "actors" DROP COLUMN "last_lon";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_address
ALTER TABLE "actors" DROP COLUMN "last_address";
--> statement-breakpoint
-- fluxcore:destructive column=actors.last_location_at
ALTER TABLE "actors" DROP COLUMN "last_location_at";
--> statement-breakpoint
-- fluxcore:destructive column=conversation_participants.actor_id
ALTER TABLE "conversation_participants" DROP COLUMN "actor_id";
--> statement-breakpoint
-- fluxcore:destructive column=messages.redacted_at
ALTER TABLE "messages" DROP COLUMN "redacted_at";
--> statement-breakpoint
-- fluxcore:destructive column=messages.redacted_by
ALTER TABLE "messages" DROP COLUMN "redacted_by";
--> statement-breakpoint
-- fluxcore:destructive column=templates.is_public
ALTER TABLE "templates" DROP COLUMN "is_public";
--> statement-breakpoint
-- fluxcore:destructive column=templates.trigger_keyword
ALTER TABLE "templates" DROP COLUMN "trigger_keyword";
--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversation_type_valid" CHECK ("conversations"."conversation_type" in ('internal', 'anonymous_thread', 'external'));
--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_delta_sign_check" CHECK (("credits_ledger"."entry_type" in ('grant', 'refund') and "credits_ledger"."delta" >= 0) or ("credits_ledger"."entry_type" in ('spend', 'expiry') and "credits_ledger"."delta" <= 0) or "credits_ledger"."entry_type" not in ('grant', 'refund', 'spend', 'expiry'));
--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ADD CONSTRAINT "fluxcore_tool_connections_auth_config_check" CHECK (jsonb_typeof("fluxcore_tool_connections"."auth_config") = 'object' and "fluxcore_tool_connections"."auth_config" - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "message_deleted_scope_valid" CHECK ("messages"."deleted_scope" is null or "messages"."deleted_scope" in ('self', 'all'));
