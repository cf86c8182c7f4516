-- Down of 0002_message_status: back to the schema 0001_material_killer_shrike left.
-- Written by db:generate from meta/0002_snapshot.json and meta/0001_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive column=messages.status
ALTER TABLE "messages" DROP COLUMN "status";
--> statement-breakpoint
DROP TYPE "public"."message_status";
