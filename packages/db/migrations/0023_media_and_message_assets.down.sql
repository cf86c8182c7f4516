-- Down of 0023_media_and_message_assets: back to the schema 0022_templates left.
-- Written by db:generate from meta/0023_snapshot.json and meta/0022_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=message_assets
DROP TABLE "message_assets" CASCADE;
