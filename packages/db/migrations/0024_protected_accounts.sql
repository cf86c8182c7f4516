CREATE TABLE "protected_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"enforced_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protected_accounts" ADD CONSTRAINT "protected_accounts_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_accounts" ADD CONSTRAINT "protected_accounts_enforced_by_fk" FOREIGN KEY ("enforced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protected_accounts_enforced_by_idx" ON "protected_accounts" USING btree ("enforced_by");--> statement-breakpoint
CREATE UNIQUE INDEX "protected_accounts_account_id_key" ON "protected_accounts" USING btree ("account_id");