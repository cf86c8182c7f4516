-- Down of 0059_messages_carry_their_tenants: back to the schema 0058_one_policy_where_readers_are_writers left.
-- Written by db:generate from meta/0059_snapshot.json and meta/0058_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- Written by hand: the first six statements (the triggers of the up file and their functions),
-- and no destructive mark on the two columns: they hold copies of each conversation's
-- relationship's accounts, which the relationships keep, so dropping them loses nothing.
DROP TRIGGER IF EXISTS "relationships_pass_tenants" ON "public"."relationships";
--> statement-breakpoint
DROP FUNCTION IF EXISTS "public"."fluxcore_relationship_passes_tenants"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "conversations_pass_tenants" ON "public"."conversations";
--> statement-breakpoint
DROP FUNCTION IF EXISTS "public"."fluxcore_conversation_passes_tenants"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "messages_carry_tenants" ON "public"."messages";
--> statement-breakpoint
DROP FUNCTION IF EXISTS "public"."fluxcore_message_tenants"();
--> statement-breakpoint
ALTER POLICY "messages_tenant" ON "messages" TO fluxcore_app,fluxcore_system USING (exists (select 1 from "conversations" "parent" where "parent"."id" = "messages"."conversation_id")) WITH CHECK (exists (select 1 from "conversations" "parent" where "parent"."id" = "messages"."conversation_id"));
--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "tenant_a_id";
--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "tenant_b_id";
--> statement-breakpoint
