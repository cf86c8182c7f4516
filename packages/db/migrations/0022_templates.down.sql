-- Down of 0022_templates: back to the schema 0021_billing left.
-- Written by db:generate from meta/0022_snapshot.json and meta/0021_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_template_settings
DROP TABLE "fluxcore_template_settings" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=template_assets
DROP TABLE "template_assets" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=templates
DROP TABLE "templates" CASCADE;
