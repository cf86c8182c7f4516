CREATE TABLE "extension_contexts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"extension_id" varchar(200) NOT NULL,
	"account_id" uuid,
	"relationship_id" uuid,
	"conversation_id" uuid,
	"context_type" varchar(100) NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_contexts_one_scope_check" CHECK (((case when "extension_contexts"."account_id" is null then 0 else 1 end) + (case when "extension_contexts"."relationship_id" is null then 0 else 1 end) + (case when "extension_contexts"."conversation_id" is null then 0 else 1 end)) = 1)
);
--> statement-breakpoint
CREATE TABLE "extension_installations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"extension_id" varchar(200) NOT NULL,
	"version" varchar(50) NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"granted_permissions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "extension_contexts" ADD CONSTRAINT "extension_contexts_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_contexts" ADD CONSTRAINT "extension_contexts_relationship_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_contexts" ADD CONSTRAINT "extension_contexts_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_installations" ADD CONSTRAINT "extension_installations_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_installations" ADD CONSTRAINT "extension_installations_granted_by_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "extension_contexts_account_id_idx" ON "extension_contexts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "extension_contexts_relationship_id_idx" ON "extension_contexts" USING btree ("relationship_id");--> statement-breakpoint
CREATE INDEX "extension_contexts_conversation_id_idx" ON "extension_contexts" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "extension_installations_granted_by_idx" ON "extension_installations" USING btree ("granted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "extension_installations_account_extension_key" ON "extension_installations" USING btree ("account_id","extension_id");