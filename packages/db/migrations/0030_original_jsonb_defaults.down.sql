-- Down of 0030_original_jsonb_defaults: back to the schema 0029_updated_at_and_counter_triggers left.
-- Written by db:generate from meta/0030_snapshot.json and meta/0029_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "model_config" SET DEFAULT '{}'::jsonb;
--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "timing_config" SET DEFAULT '{}'::jsonb;
