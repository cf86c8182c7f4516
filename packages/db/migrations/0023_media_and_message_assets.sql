CREATE TABLE "message_assets" (
	"message_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_assets_pkey" PRIMARY KEY("message_id","asset_id"),
	CONSTRAINT "message_assets_position_check" CHECK ("message_assets"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "message_assets" ADD CONSTRAINT "message_assets_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_assets" ADD CONSTRAINT "message_assets_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_assets_asset_id_idx" ON "message_assets" USING btree ("asset_id");