CREATE TYPE "public"."media_type" AS ENUM('image', 'audio', 'video', 'document', 'sticker', 'location');--> statement-breakpoint
CREATE TABLE "media_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"type" "media_type" NOT NULL,
	"url" text NOT NULL,
	"filename" varchar(500),
	"mime_type" varchar(200),
	"size_bytes" bigint,
	"waveform" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_attachments_size_check" CHECK ("media_attachments"."size_bytes" is null or "media_attachments"."size_bytes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "media_attachments" ADD CONSTRAINT "media_attachments_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_attachments_message_id_idx" ON "media_attachments" USING btree ("message_id");