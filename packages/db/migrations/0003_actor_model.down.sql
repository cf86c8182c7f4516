-- Down of 0003_actor_model: back to the schema 0002_message_status left.
-- Written by db:generate from meta/0003_snapshot.json and meta/0002_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "messages" DROP CONSTRAINT "messages_from_actor_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_to_actor_id_fk";
--> statement-breakpoint
DROP INDEX "messages_from_actor_id_idx";
--> statement-breakpoint
DROP INDEX "messages_to_actor_id_idx";
--> statement-breakpoint
-- fluxcore:destructive column=actors.actor_type
ALTER TABLE "actors" DROP COLUMN "actor_type";
--> statement-breakpoint
-- fluxcore:destructive column=messages.from_actor_id
ALTER TABLE "messages" DROP COLUMN "from_actor_id";
--> statement-breakpoint
-- fluxcore:destructive column=messages.to_actor_id
ALTER TABLE "messages" DROP COLUMN "to_actor_id";
--> statement-breakpoint
DROP TYPE "public"."actor_type";
