-- Down of 0016_fluxcore_instructions: back to the schema 0015_fluxcore_assistants left.
-- Written by db:generate from meta/0016_snapshot.json and meta/0015_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_assistant_instructions
DROP TABLE "fluxcore_assistant_instructions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_instruction_versions
DROP TABLE "fluxcore_instruction_versions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_instructions
DROP TABLE "fluxcore_instructions" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."asset_visibility";
--> statement-breakpoint
DROP TYPE "public"."instruction_status";
