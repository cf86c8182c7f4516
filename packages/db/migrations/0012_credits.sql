CREATE TYPE "public"."credits_ledger_entry_type" AS ENUM('grant', 'spend', 'refund', 'adjustment', 'expiry');--> statement-breakpoint
CREATE TABLE "credits_conversation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"feature_key" varchar(100) NOT NULL,
	"engine" varchar(100) NOT NULL,
	"model" varchar(200) NOT NULL,
	"cost_credits" integer NOT NULL,
	"token_budget" integer NOT NULL,
	"tokens_used" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credits_conversation_sessions_cost_check" CHECK ("credits_conversation_sessions"."cost_credits" >= 0),
	CONSTRAINT "credits_conversation_sessions_token_budget_check" CHECK ("credits_conversation_sessions"."token_budget" >= 0),
	CONSTRAINT "credits_conversation_sessions_tokens_used_check" CHECK ("credits_conversation_sessions"."tokens_used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credits_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wallet_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"entry_type" "credits_ledger_entry_type" NOT NULL,
	"feature_key" varchar(100),
	"engine" varchar(100),
	"model" varchar(200),
	"conversation_id" uuid,
	"session_id" uuid,
	"idempotency_key" varchar(200),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credits_ledger_delta_check" CHECK ("credits_ledger"."delta" <> 0),
	CONSTRAINT "credits_ledger_delta_sign_check" CHECK (("credits_ledger"."entry_type" in ('grant', 'refund') and "credits_ledger"."delta" > 0) or ("credits_ledger"."entry_type" in ('spend', 'expiry') and "credits_ledger"."delta" < 0) or "credits_ledger"."entry_type" = 'adjustment')
);
--> statement-breakpoint
CREATE TABLE "credits_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feature_key" varchar(100) NOT NULL,
	"engine" varchar(100) NOT NULL,
	"model" varchar(200) NOT NULL,
	"cost_credits" integer NOT NULL,
	"token_budget" integer NOT NULL,
	"duration_hours" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credits_policies_cost_check" CHECK ("credits_policies"."cost_credits" >= 0),
	CONSTRAINT "credits_policies_token_budget_check" CHECK ("credits_policies"."token_budget" > 0),
	CONSTRAINT "credits_policies_duration_check" CHECK ("credits_policies"."duration_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "credits_wallets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credits_wallets_balance_check" CHECK ("credits_wallets"."balance" >= 0)
);
--> statement-breakpoint
ALTER TABLE "credits_conversation_sessions" ADD CONSTRAINT "credits_conversation_sessions_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits_conversation_sessions" ADD CONSTRAINT "credits_conversation_sessions_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_wallet_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."credits_wallets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits_ledger" ADD CONSTRAINT "credits_ledger_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."credits_conversation_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits_wallets" ADD CONSTRAINT "credits_wallets_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credits_conversation_sessions_conversation_id_idx" ON "credits_conversation_sessions" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "credits_conversation_sessions_live_idx" ON "credits_conversation_sessions" USING btree ("account_id","conversation_id","feature_key","expires_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credits_ledger_account_id_idx" ON "credits_ledger" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "credits_ledger_conversation_id_idx" ON "credits_ledger" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "credits_ledger_session_id_idx" ON "credits_ledger" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "credits_ledger_wallet_created_idx" ON "credits_ledger" USING btree ("wallet_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "credits_ledger_wallet_idempotency_key" ON "credits_ledger" USING btree ("wallet_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "credits_policies_feature_engine_model_key" ON "credits_policies" USING btree ("feature_key","engine","model");--> statement-breakpoint
CREATE UNIQUE INDEX "credits_wallets_account_id_key" ON "credits_wallets" USING btree ("account_id");