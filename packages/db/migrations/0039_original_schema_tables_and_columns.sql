-- Issue 22, completed: what 0036 was widened with after it was released (2026-12-06), as a
-- migration of its own, so 0036 stays the file databases applied. It adds the tables the
-- original's Drizzle schema declares that no file of it creates (kernel/, locations/ and
-- runtime/ of src/schema) and the columns it declares on accounts, actors,
-- conversation_participants, messages and templates; credits_policies.duration_hours is NOT NULL
-- with the original's default of 24 again; media_attachments.message_id takes null (February's
-- upload writes the attachment before its message); fluxcore_tool_connections' auth_config
-- check takes the original's shape. A database that applied 0036 as re-released on 2026-12-06
-- already holds all of this: db:migrate records this migration for it without running it
-- (src/migrator/own-releases.ts).
-- Three checks of 0036 (conversation_type_valid, credits_ledger_delta_sign_check,
-- message_deleted_scope_valid) are written again as PostgreSQL renders them on May's database:
-- the same rule, stored as May stores it.
-- Nothing lost: a null duration_hours would be refused by SET NOT NULL; the block before it
-- refuses first with the rows and the fix, and changes nothing.
-- Reviewed squawk exceptions, for this file:
--   ban-drop-not-null: media_attachments.message_id, which the original's upload leaves null
--     until the message is written; dropping it only widens what the column accepts.
--   prefer-timestamp-tz, prefer-identity: the original's tables keep its types (timestamp
--     without time zone, bigserial), so a May database audits equal to the schema.
--   constraint-missing-not-valid, adding-foreign-key-constraint, require-concurrent-index-creation,
--   adding-not-nullable-field: the constraints, keys and indexes are on tables and columns this
--     migration creates (empty or null); duration_hours is checked just before; db:migrate runs
--     each migration in one transaction, where CONCURRENTLY is impossible. The timeouts below
--     bound the wait.
-- squawk-ignore-file ban-drop-not-null
-- squawk-ignore-file prefer-timestamp-tz
-- squawk-ignore-file prefer-identity
-- squawk-ignore-file constraint-missing-not-valid
-- squawk-ignore-file adding-foreign-key-constraint
-- squawk-ignore-file require-concurrent-index-creation
-- squawk-ignore-file adding-not-nullable-field
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
CREATE TABLE "account_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"address" text,
	"country" varchar(100),
	"state" varchar(100),
	"city" varchar(100),
	"neighborhood" varchar(100),
	"street_address" text,
	"postal_code" varchar(50),
	"lat" real,
	"lon" real,
	"service_type" varchar(20) DEFAULT 'both',
	"coverage_radius_km" real,
	"phone" varchar(50),
	"email" varchar(255),
	"status" varchar(20) DEFAULT 'active',
	"is_default" boolean DEFAULT false,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "account_runtime_config" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"active_runtime_id" varchar(100) DEFAULT '@fluxcore/fluxcore' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_account_actor_contexts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"display_name" varchar(255),
	"metadata" text,
	"status" varchar(50) DEFAULT 'active' NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_account_policies" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'off' NOT NULL,
	"response_delay_ms" integer DEFAULT 2000 NOT NULL,
	"turn_window_ms" integer DEFAULT 3000 NOT NULL,
	"turn_window_typing_ms" integer DEFAULT 5000 NOT NULL,
	"turn_window_max_ms" integer DEFAULT 60000 NOT NULL,
	"off_hours_policy" jsonb DEFAULT '{"action":"ignore"}'::jsonb NOT NULL,
	"ai_include_name" boolean DEFAULT true NOT NULL,
	"ai_include_bio" boolean DEFAULT true NOT NULL,
	"ai_include_locations" boolean DEFAULT true NOT NULL,
	"ai_include_schedule" boolean DEFAULT true NOT NULL,
	"ai_include_social_links" boolean DEFAULT true NOT NULL,
	"ai_include_private_context" boolean DEFAULT true NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_action_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"account_id" text NOT NULL,
	"runtime_id" text NOT NULL,
	"action_type" text NOT NULL,
	"action_payload" jsonb,
	"status" text NOT NULL,
	"rejection_reason" text,
	"executed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_actor_address_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"confidence" real DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_actor_identity_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provisional_actor_id" text NOT NULL,
	"real_account_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"linking_signal_seq" bigint NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_actor_identity_links_provisional_actor_id_unique" UNIQUE("provisional_actor_id")
);--> statement-breakpoint
CREATE TABLE "fluxcore_actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internal_ref" text,
	"type" text DEFAULT 'real' NOT NULL,
	"external_key" text,
	"tenant_id" text,
	"created_from_signal" bigint,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driver_id" varchar(100) NOT NULL,
	"external_id" varchar(255) NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_addresses_driver_id_external_id_unique" UNIQUE("driver_id","external_id")
);--> statement-breakpoint
CREATE TABLE "fluxcore_cognition_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"target_account_id" uuid,
	"last_signal_seq" bigint,
	"turn_started_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"turn_window_expires_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);--> statement-breakpoint
CREATE TABLE "fluxcore_projector_cursors" (
	"projector_name" text PRIMARY KEY NOT NULL,
	"last_sequence_number" bigint NOT NULL,
	"last_processed_at" timestamp DEFAULT now() NOT NULL,
	"error_count" bigint DEFAULT 0 NOT NULL,
	"last_error" text
);--> statement-breakpoint
CREATE TABLE "fluxcore_projector_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"projector_name" text NOT NULL,
	"signal_seq" bigint NOT NULL,
	"error_message" text NOT NULL,
	"error_stack" text,
	"attempts" bigint DEFAULT 1 NOT NULL,
	"first_failed_at" timestamp,
	"last_failed_at" timestamp,
	"resolved_at" timestamp
);--> statement-breakpoint
CREATE TABLE "fluxcore_reality_adapters" (
	"adapter_id" text PRIMARY KEY NOT NULL,
	"driver_id" text NOT NULL,
	"adapter_class" text NOT NULL,
	"description" text NOT NULL,
	"signing_secret" text NOT NULL,
	"adapter_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_session_projection" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"account_id" text NOT NULL,
	"entry_point" text,
	"device_hash" text,
	"method" text,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_sequence_number" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "fluxcore_signals" (
	"sequence_number" bigserial PRIMARY KEY NOT NULL,
	"signal_fingerprint" text NOT NULL,
	"fact_type" text NOT NULL,
	"source_namespace" text NOT NULL,
	"source_key" text NOT NULL,
	"subject_namespace" text,
	"subject_key" text,
	"object_namespace" text,
	"object_key" text,
	"evidence_raw" jsonb NOT NULL,
	"evidence_format" text NOT NULL,
	"evidence_checksum" text NOT NULL,
	"provenance_driver_id" text NOT NULL,
	"provenance_external_id" text,
	"provenance_entry_point" text,
	"certified_by_adapter" text NOT NULL,
	"certified_adapter_version" text NOT NULL,
	"claimed_occurred_at" timestamp with time zone,
	"observed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "fluxcore_signals_signal_fingerprint_unique" UNIQUE("signal_fingerprint"),
	CONSTRAINT "ux_fluxcore_adapter_external" UNIQUE("certified_by_adapter","provenance_external_id")
);--> statement-breakpoint
CREATE TABLE "message_visibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"hidden_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "special_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" varchar(30) NOT NULL,
	"owner_id" uuid NOT NULL,
	"date" date NOT NULL,
	"is_closed" boolean DEFAULT true NOT NULL,
	"label" varchar(100),
	CONSTRAINT "special_dates_owner_type_owner_id_date_unique" UNIQUE("owner_type","owner_id","date")
);--> statement-breakpoint
CREATE TABLE "special_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"special_date_id" uuid NOT NULL,
	"open_time" time NOT NULL,
	"close_time" time NOT NULL
);--> statement-breakpoint
CREATE TABLE "weekly_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" varchar(30) NOT NULL,
	"owner_id" uuid NOT NULL,
	"day_of_week" integer NOT NULL,
	"open_time" time NOT NULL,
	"close_time" time NOT NULL
);--> statement-breakpoint
CREATE TABLE "weekly_schedules" (
	"owner_type" varchar(30) NOT NULL,
	"owner_id" uuid NOT NULL,
	"day_of_week" integer NOT NULL,
	"is_closed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "weekly_schedules_owner_type_owner_id_day_of_week_pk" PRIMARY KEY("owner_type","owner_id","day_of_week")
);--> statement-breakpoint
ALTER TABLE "conversations" DROP CONSTRAINT "conversation_type_valid";--> statement-breakpoint
ALTER TABLE "credits_ledger" DROP CONSTRAINT "credits_ledger_delta_sign_check";--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" DROP CONSTRAINT "fluxcore_tool_connections_auth_config_check";--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "message_deleted_scope_valid";--> statement-breakpoint
ALTER TABLE "credits_policies" ALTER COLUMN "duration_hours" SET DEFAULT 24;--> statement-breakpoint
DO $$
DECLARE
  missing bigint;
  examples text;
BEGIN
  SELECT count(*), string_agg(id::text, ', ') FILTER (WHERE rn <= 3)
    INTO missing, examples
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM "credits_policies" WHERE "duration_hours" IS NULL) nulls;
  IF missing > 0 THEN
    RAISE EXCEPTION 'credits_policies.duration_hours is null in % row(s) (e.g. id %): the original requires hours; set them (update credits_policies set duration_hours = 24 where duration_hours is null, or the hours each policy means) and run db:migrate again', missing, examples;
  END IF;
END
$$;--> statement-breakpoint
ALTER TABLE "credits_policies" ALTER COLUMN "duration_hours" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "media_attachments" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_timestamp" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ai_include_social_links" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "social_links" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "brand_colors" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "country" varchar(2);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "timezone" varchar(50);--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "linked_account_id" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "linked_at" timestamp;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "migrated_from" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_lat" real;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_lon" real;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_address" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "last_location_at" timestamp;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "redacted_by" text;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "trigger_keyword" varchar(255);--> statement-breakpoint
ALTER TABLE "account_locations" ADD CONSTRAINT "account_locations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_runtime_config" ADD CONSTRAINT "account_runtime_config_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" ADD CONSTRAINT "fluxcore_account_actor_contexts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_account_actor_contexts" ADD CONSTRAINT "fluxcore_account_actor_contexts_actor_id_fluxcore_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."fluxcore_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_account_policies" ADD CONSTRAINT "fluxcore_account_policies_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actor_address_links" ADD CONSTRAINT "fluxcore_actor_address_links_actor_id_fluxcore_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."fluxcore_actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actor_address_links" ADD CONSTRAINT "fluxcore_actor_address_links_address_id_fluxcore_addresses_id_f" FOREIGN KEY ("address_id") REFERENCES "public"."fluxcore_addresses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actor_identity_links" ADD CONSTRAINT "fluxcore_actor_identity_links_linking_signal_seq_fluxcore_signa" FOREIGN KEY ("linking_signal_seq") REFERENCES "public"."fluxcore_signals"("sequence_number") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_actors" ADD CONSTRAINT "fluxcore_actors_created_from_signal_fluxcore_signals_sequence_n" FOREIGN KEY ("created_from_signal") REFERENCES "public"."fluxcore_signals"("sequence_number") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_signals" ADD CONSTRAINT "fluxcore_signals_certified_by_adapter_fluxcore_reality_adapters" FOREIGN KEY ("certified_by_adapter") REFERENCES "public"."fluxcore_reality_adapters"("adapter_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_visibility" ADD CONSTRAINT "message_visibility_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_visibility" ADD CONSTRAINT "message_visibility_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_intervals" ADD CONSTRAINT "special_intervals_special_date_id_special_dates_id_fk" FOREIGN KEY ("special_date_id") REFERENCES "public"."special_dates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_account_locations_account" ON "account_locations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "idx_account_locations_status" ON "account_locations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "fluxcore_account_actor_contexts_acc_actor_idx" ON "fluxcore_account_actor_contexts" USING btree ("account_id","actor_id");--> statement-breakpoint
CREATE INDEX "fluxcore_account_actor_contexts_actor_idx" ON "fluxcore_account_actor_contexts" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "idx_action_audit_account" ON "fluxcore_action_audit" USING btree ("account_id","executed_at");--> statement-breakpoint
CREATE INDEX "fluxcore_actor_address_links_actor_idx" ON "fluxcore_actor_address_links" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "fluxcore_actor_address_links_address_idx" ON "fluxcore_actor_address_links" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "idx_actor_identity_links_real" ON "fluxcore_actor_identity_links" USING btree ("real_account_id");--> statement-breakpoint
CREATE INDEX "idx_actor_identity_links_signal" ON "fluxcore_actor_identity_links" USING btree ("linking_signal_seq");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_actors_external_key" ON "fluxcore_actors" USING btree ("external_key");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_actors_tenant" ON "fluxcore_actors" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_actors_created_from_signal" ON "fluxcore_actors" USING btree ("created_from_signal");--> statement-breakpoint
CREATE INDEX "fluxcore_addresses_driver_ext_idx" ON "fluxcore_addresses" USING btree ("driver_id","external_id");--> statement-breakpoint
CREATE INDEX "idx_cognition_queue_ready" ON "fluxcore_cognition_queue" USING btree ("turn_window_expires_at") WHERE processed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ux_cognition_queue_pending_conversation" ON "fluxcore_cognition_queue" USING btree ("conversation_id") WHERE processed_at IS NULL;--> statement-breakpoint
CREATE INDEX "idx_projector_errors_projector_signal" ON "fluxcore_projector_errors" USING btree ("projector_name","signal_seq");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_source" ON "fluxcore_signals" USING btree ("source_namespace","source_key","sequence_number");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_subject" ON "fluxcore_signals" USING btree ("subject_namespace","subject_key","sequence_number");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_sequence" ON "fluxcore_signals" USING btree ("sequence_number");--> statement-breakpoint
CREATE INDEX "idx_fluxcore_claimed_occurred" ON "fluxcore_signals" USING btree ("claimed_occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ux_message_visibility_message_actor" ON "message_visibility" USING btree ("message_id","actor_id");--> statement-breakpoint
CREATE INDEX "idx_message_visibility_actor" ON "message_visibility" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "idx_message_visibility_message" ON "message_visibility" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "idx_special_dates_lookup" ON "special_dates" USING btree ("owner_type","owner_id","date");--> statement-breakpoint
CREATE INDEX "idx_special_intervals_special_date" ON "special_intervals" USING btree ("special_date_id");--> statement-breakpoint
CREATE INDEX "idx_weekly_intervals_lookup" ON "weekly_intervals" USING btree ("owner_type","owner_id","day_of_week","open_time");--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_linked_account_id_fk" FOREIGN KEY ("linked_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actors_tenant_id_idx" ON "actors" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "actors_linked_account_id_idx" ON "actors" USING btree ("linked_account_id");--> statement-breakpoint
CREATE INDEX "actors_external_key_idx" ON "actors" USING btree ("external_key");--> statement-breakpoint
CREATE INDEX "idx_conversation_participants_actor" ON "conversation_participants" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "idx_templates_trigger" ON "templates" USING btree ("account_id","trigger_keyword");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversation_type_valid" CHECK ((conversation_type)::text = ANY (ARRAY[('internal'::character varying)::text, ('anonymous_thread'::character varying)::text, ('external'::character varying)::text]));--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_delta_sign_check" CHECK ((((entry_type)::text = ANY (ARRAY[('grant'::character varying)::text, ('refund'::character varying)::text])) AND (delta >= 0)) OR (((entry_type)::text = ANY (ARRAY[('spend'::character varying)::text, ('expiry'::character varying)::text])) AND (delta <= 0)) OR ((entry_type)::text <> ALL (ARRAY[('grant'::character varying)::text, ('refund'::character varying)::text, ('spend'::character varying)::text, ('expiry'::character varying)::text])));--> statement-breakpoint
ALTER TABLE "fluxcore_tool_connections" ADD CONSTRAINT "fluxcore_tool_connections_auth_config_check" CHECK (jsonb_typeof("fluxcore_tool_connections"."auth_config") = 'object' and "fluxcore_tool_connections"."auth_config" - 'type' - 'clientId' - 'expiresAt' - 'scopes' - 'secretRef' - 'ciphertext' - 'keyId' = '{}'::jsonb);--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "message_deleted_scope_valid" CHECK ((deleted_scope IS NULL) OR ((deleted_scope)::text = ANY (ARRAY[('self'::character varying)::text, ('all'::character varying)::text])));