-- Down of 0006_media_attachments: back to the schema 0005_automation_rules left.
-- Written by db:generate from meta/0006_snapshot.json and meta/0005_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=media_attachments
DROP TABLE "media_attachments" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."media_type";
