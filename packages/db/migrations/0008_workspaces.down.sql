-- Down of 0008_workspaces: back to the schema 0007_extensions_system left.
-- Written by db:generate from meta/0008_snapshot.json and meta/0007_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=workspace_invitations
DROP TABLE "workspace_invitations" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=workspace_members
DROP TABLE "workspace_members" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=workspaces
DROP TABLE "workspaces" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."workspace_member_role";
