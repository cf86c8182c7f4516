-- Down of 0007_extensions_system: back to the schema 0006_media_attachments left.
-- Written by db:generate from meta/0007_snapshot.json and meta/0006_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=extension_contexts
DROP TABLE "extension_contexts" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=extension_installations
DROP TABLE "extension_installations" CASCADE;
