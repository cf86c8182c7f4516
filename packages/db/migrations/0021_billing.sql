CREATE TYPE "public"."fluxcore_credit_plan_type" AS ENUM('free', 'starter', 'pro', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."fluxcore_credit_transaction_type" AS ENUM('purchase', 'usage', 'refund', 'adjustment', 'subscription_grant');--> statement-breakpoint
CREATE TABLE "fluxcore_account_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"balance" numeric(12, 4) DEFAULT '0' NOT NULL,
	"reserved" numeric(12, 4) DEFAULT '0' NOT NULL,
	"monthly_limit" numeric(12, 4),
	"daily_limit" numeric(12, 4),
	"used_this_month" numeric(12, 4) DEFAULT '0' NOT NULL,
	"used_today" numeric(12, 4) DEFAULT '0' NOT NULL,
	"plan_type" "fluxcore_credit_plan_type" DEFAULT 'free' NOT NULL,
	"stripe_customer_id" varchar(255),
	"stripe_subscription_id" varchar(255),
	"alert_threshold_percent" integer DEFAULT 80 NOT NULL,
	"last_alert_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_account_credits_amounts_check" CHECK ("fluxcore_account_credits"."balance" >= 0 and "fluxcore_account_credits"."reserved" >= 0 and "fluxcore_account_credits"."used_this_month" >= 0 and "fluxcore_account_credits"."used_today" >= 0),
	CONSTRAINT "fluxcore_account_credits_limits_check" CHECK (("fluxcore_account_credits"."monthly_limit" is null or "fluxcore_account_credits"."monthly_limit" >= 0) and ("fluxcore_account_credits"."daily_limit" is null or "fluxcore_account_credits"."daily_limit" >= 0)),
	CONSTRAINT "fluxcore_account_credits_alert_threshold_check" CHECK ("fluxcore_account_credits"."alert_threshold_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_credit_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"transaction_type" "fluxcore_credit_transaction_type" NOT NULL,
	"amount" numeric(12, 4) NOT NULL,
	"balance_after" numeric(12, 4) NOT NULL,
	"description" text,
	"usage_log_id" uuid,
	"subscription_id" uuid,
	"stripe_payment_intent_id" varchar(255),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fluxcore_account_credits" ADD CONSTRAINT "fluxcore_account_credits_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" ADD CONSTRAINT "fluxcore_credit_transactions_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" ADD CONSTRAINT "fluxcore_credit_transactions_usage_log_id_fk" FOREIGN KEY ("usage_log_id") REFERENCES "public"."fluxcore_usage_logs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_credit_transactions" ADD CONSTRAINT "fluxcore_credit_transactions_subscription_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."fluxcore_marketplace_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_account_credits_account_id_key" ON "fluxcore_account_credits" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_account_credits_stripe_customer_id_key" ON "fluxcore_account_credits" USING btree ("stripe_customer_id") WHERE "fluxcore_account_credits"."stripe_customer_id" is not null;--> statement-breakpoint
CREATE INDEX "fluxcore_credit_transactions_usage_log_id_idx" ON "fluxcore_credit_transactions" USING btree ("usage_log_id");--> statement-breakpoint
CREATE INDEX "fluxcore_credit_transactions_subscription_id_idx" ON "fluxcore_credit_transactions" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "fluxcore_credit_transactions_account_created_idx" ON "fluxcore_credit_transactions" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_credit_transactions_stripe_payment_intent_id_key" ON "fluxcore_credit_transactions" USING btree ("stripe_payment_intent_id") WHERE "fluxcore_credit_transactions"."stripe_payment_intent_id" is not null;