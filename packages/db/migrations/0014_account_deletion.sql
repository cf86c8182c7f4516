CREATE TYPE "public"."account_deletion_job_status" AS ENUM('pending', 'snapshot', 'snapshot_ready', 'external_cleanup', 'local_cleanup', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "account_deletion_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"requester_user_id" uuid,
	"status" "account_deletion_job_status" DEFAULT 'pending' NOT NULL,
	"phase" varchar(100),
	"snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot_ready_at" timestamp with time zone,
	"external_state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" varchar(200),
	"lease_expires_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_deletion_jobs_attempts_check" CHECK ("account_deletion_jobs"."attempts" >= 0 and "account_deletion_jobs"."max_attempts" > 0),
	CONSTRAINT "account_deletion_jobs_lease_check" CHECK (("account_deletion_jobs"."locked_by" is null) = ("account_deletion_jobs"."locked_at" is null) and ("account_deletion_jobs"."locked_by" is null) = ("account_deletion_jobs"."lease_expires_at" is null))
);
--> statement-breakpoint
CREATE TABLE "account_deletion_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"account_id" uuid NOT NULL,
	"status" "account_deletion_job_status" NOT NULL,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_deletion_jobs" ADD CONSTRAINT "account_deletion_jobs_requester_user_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_deletion_logs" ADD CONSTRAINT "account_deletion_logs_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."account_deletion_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_deletion_jobs_account_id_idx" ON "account_deletion_jobs" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "account_deletion_jobs_requester_user_id_idx" ON "account_deletion_jobs" USING btree ("requester_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_deletion_jobs_active_account_key" ON "account_deletion_jobs" USING btree ("account_id") WHERE "account_deletion_jobs"."status" not in ('completed', 'failed');--> statement-breakpoint
CREATE INDEX "account_deletion_jobs_status_next_attempt_idx" ON "account_deletion_jobs" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "account_deletion_logs_job_id_idx" ON "account_deletion_logs" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "account_deletion_logs_account_id_idx" ON "account_deletion_logs" USING btree ("account_id");