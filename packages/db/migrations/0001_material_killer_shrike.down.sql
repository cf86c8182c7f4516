-- Down of 0001_material_killer_shrike: back to the schema 0000_strong_proudstar left.
-- Written by db:generate from meta/0001_snapshot.json and meta/0000_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=conversations
DROP TABLE "conversations" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=message_enrichments
DROP TABLE "message_enrichments" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=messages
DROP TABLE "messages" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=password_reset_tokens
DROP TABLE "password_reset_tokens" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=relationships
DROP TABLE "relationships" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."conversation_channel";
--> statement-breakpoint
DROP TYPE "public"."conversation_status";
--> statement-breakpoint
DROP TYPE "public"."message_generator";
--> statement-breakpoint
DROP TYPE "public"."message_type";
