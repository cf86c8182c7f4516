-- Issue 22: the May lineage's signals (s/032, 035): notifications, their preferences and their
-- delivery log, with the four enums May made for them, label for label.
-- Reviewed squawk exceptions, for this file:
--   prefer-timestamp-tz, constraint-missing-not-valid, adding-foreign-key-constraint,
--   require-concurrent-index-creation: the tables are new and empty, and keep May's own
--     definitions so a May database audits equal.
-- squawk-ignore-file prefer-timestamp-tz
-- squawk-ignore-file constraint-missing-not-valid
-- squawk-ignore-file adding-foreign-key-constraint
-- squawk-ignore-file require-concurrent-index-creation
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE TYPE "public"."signal_delivery_channel" AS ENUM('websocket', 'email', 'push', 'sms', 'in_app');--> statement-breakpoint
CREATE TYPE "public"."signal_priority" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."signal_status" AS ENUM('pending', 'delivered', 'read', 'archived', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."signal_type" AS ENUM('channel_message', 'channel_mention', 'task_assigned', 'ai_suggestion', 'channel_invite', 'role_changed', 'security_alert', 'fluxcore_update', 'mention_group', 'reaction_received', 'system_announcement', 'workflow_trigger', 'approval_required', 'deadline_approaching');--> statement-breakpoint
CREATE TABLE "signal_delivery_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signal_id" uuid NOT NULL,
	"channel" "signal_delivery_channel" NOT NULL,
	"status" text NOT NULL,
	"attempt_count" integer DEFAULT 1,
	"last_attempt_at" timestamp with time zone,
	"error_message" text,
	"error_code" text,
	"delivery_metadata" jsonb DEFAULT '{}'::jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_delivery_log_status_check" CHECK (status = ANY (ARRAY['pending'::text, 'sent'::text, 'delivered'::text, 'failed'::text, 'bounced'::text]))
);
--> statement-breakpoint
CREATE TABLE "signal_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quiet_hours_start" text,
	"quiet_hours_end" text,
	"quiet_hours_days" text[],
	"quiet_hours_timezone" text DEFAULT 'America/Argentina/Buenos_Aires',
	"email_digest_frequency" text DEFAULT 'immediate',
	"alternate_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_preferences_user_id_key" UNIQUE("user_id"),
	CONSTRAINT "signal_preferences_email_digest_frequency_check" CHECK (email_digest_frequency = ANY (ARRAY['immediate'::text, 'hourly'::text, 'daily'::text, 'weekly'::text, 'never'::text]))
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_account_id" uuid NOT NULL,
	"recipient_user_id" uuid,
	"sender_account_id" uuid,
	"sender_user_id" uuid,
	"sender_type" text DEFAULT 'system',
	"type" "signal_type" NOT NULL,
	"priority" "signal_priority" DEFAULT 'medium' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"action_url" text,
	"action_label" text DEFAULT 'Ver',
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "signal_status" DEFAULT 'pending' NOT NULL,
	"is_read" boolean DEFAULT false NOT NULL,
	"read_at" timestamp with time zone,
	"delivered_via" "signal_delivery_channel"[] DEFAULT ARRAY[]::signal_delivery_channel[],
	"delivered_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"group_id" text,
	"group_count" integer DEFAULT 1,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "signals_sender_type_check" CHECK (sender_type = ANY (ARRAY['user'::text, 'system'::text, 'ai'::text, 'workflow'::text, 'integration'::text]))
);
--> statement-breakpoint
ALTER TABLE "signal_delivery_log" ADD CONSTRAINT "signal_delivery_log_signal_id_fkey" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_preferences" ADD CONSTRAINT "signal_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_deleted_by_fkey" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_recipient_account_id_fkey" FOREIGN KEY ("recipient_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_recipient_user_id_fkey" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_sender_account_id_fkey" FOREIGN KEY ("sender_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_sender_user_id_fkey" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_signal_delivery_log_channel" ON "signal_delivery_log" USING btree ("channel");--> statement-breakpoint
CREATE INDEX "idx_signal_delivery_log_signal" ON "signal_delivery_log" USING btree ("signal_id");--> statement-breakpoint
CREATE INDEX "idx_signal_delivery_log_status" ON "signal_delivery_log" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_signals_created_at" ON "signals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_signals_group_id" ON "signals" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "idx_signals_is_read" ON "signals" USING btree ("is_read");--> statement-breakpoint
CREATE INDEX "idx_signals_priority" ON "signals" USING btree ("priority");--> statement-breakpoint
CREATE INDEX "idx_signals_recipient_account" ON "signals" USING btree ("recipient_account_id");--> statement-breakpoint
CREATE INDEX "idx_signals_recipient_unread" ON "signals" USING btree ("recipient_account_id","is_read","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "idx_signals_recipient_user" ON "signals" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "idx_signals_status" ON "signals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_signals_type" ON "signals" USING btree ("type");