-- Down of 0019_files_and_assets: back to the schema 0018_fluxcore_vector_stores_and_rag left.
-- Written by db:generate from meta/0019_snapshot.json and meta/0018_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=asset_audit_logs
DROP TABLE "asset_audit_logs" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=asset_policies
DROP TABLE "asset_policies" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=asset_upload_sessions
DROP TABLE "asset_upload_sessions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=assets
DROP TABLE "assets" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=fluxcore_asset_permissions
DROP TABLE "fluxcore_asset_permissions" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=plan_assets
DROP TABLE "plan_assets" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."asset_audit_action";
--> statement-breakpoint
DROP TYPE "public"."asset_audit_actor_type";
--> statement-breakpoint
DROP TYPE "public"."asset_dedup_policy";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_asset_permission_level";
--> statement-breakpoint
DROP TYPE "public"."fluxcore_asset_permission_source";
--> statement-breakpoint
DROP TYPE "public"."asset_scope";
--> statement-breakpoint
DROP TYPE "public"."asset_status";
--> statement-breakpoint
DROP TYPE "public"."asset_upload_session_status";
--> statement-breakpoint
DROP TYPE "public"."plan_asset_dependency_type";
