-- Down of 0017_fluxcore_tools_and_usage: back to the schema 0016_fluxcore_instructions left.
-- Written by db:generate from meta/0017_snapshot.json and meta/0016_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=fluxcore_tool_connections
DROP TABLE "fluxcore_tool_connections" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_tool_definitions
DROP TABLE "fluxcore_tool_definitions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_usage_logs
DROP TABLE "fluxcore_usage_logs" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."tool_auth_type";
--> statement-breakpoint
DROP TYPE "public"."tool_connection_status";
--> statement-breakpoint
DROP TYPE "public"."tool_type";
--> statement-breakpoint
DROP TYPE "public"."usage_operation";
--> statement-breakpoint
DROP TYPE "public"."usage_resource_type";
