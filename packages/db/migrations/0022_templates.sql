CREATE TABLE "fluxcore_template_settings" (
	"template_id" uuid PRIMARY KEY NOT NULL,
	"authorize_for_ai" boolean DEFAULT false NOT NULL,
	"ai_usage_instructions" text,
	"ai_include_name" boolean DEFAULT true NOT NULL,
	"ai_include_content" boolean DEFAULT true NOT NULL,
	"ai_include_instructions" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_assets" (
	"template_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"slot" varchar(100) DEFAULT 'default' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_assets_pkey" PRIMARY KEY("template_id","asset_id","slot")
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"content" text NOT NULL,
	"category" varchar(100),
	"variables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_usage_count_check" CHECK ("templates"."usage_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "fluxcore_template_settings" ADD CONSTRAINT "fluxcore_template_settings_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_assets" ADD CONSTRAINT "template_assets_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_assets" ADD CONSTRAINT "template_assets_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "template_assets_asset_id_idx" ON "template_assets" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_account_name_key" ON "templates" USING btree ("account_id","name");