-- Down of 0009_website_configs: back to the schema 0008_workspaces left.
-- Written by db:generate from meta/0009_snapshot.json and meta/0008_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=website_configs
DROP TABLE "website_configs" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."website_config_status";
