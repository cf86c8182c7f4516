-- Down of 0058_one_policy_where_readers_are_writers: back to the schema 0057_marketplace_writes_need_a_visible_listing left.
-- Written by db:generate from meta/0058_snapshot.json and meta/0057_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
CREATE POLICY "actors_read" ON "actors" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "tenant_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "linked_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY "conversations_read" ON "conversations" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING (exists (select 1 from "relationships" "parent" where "parent"."id" = "conversations"."relationship_id"));
--> statement-breakpoint
CREATE POLICY "extension_contexts_read" ON "extension_contexts" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or exists (select 1 from "relationships" "parent" where "parent"."id" = "extension_contexts"."relationship_id") or exists (select 1 from "conversations" "parent" where "parent"."id" = "extension_contexts"."conversation_id"));
--> statement-breakpoint
CREATE POLICY "fluxcore_rag_configurations_read" ON "fluxcore_rag_configurations" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or exists (select 1 from "fluxcore_vector_stores" "parent" where "parent"."id" = "fluxcore_rag_configurations"."vector_store_id"));
--> statement-breakpoint
CREATE POLICY "relationships_read" ON "relationships" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("account_a_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "account_b_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY "signals_read" ON "signals" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("recipient_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "sender_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY "special_dates_read" ON "special_dates" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("owner_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or exists (select 1 from "account_locations" "parent" where "parent"."id" = "special_dates"."owner_id"));
--> statement-breakpoint
CREATE POLICY "weekly_intervals_read" ON "weekly_intervals" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("owner_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or exists (select 1 from "account_locations" "parent" where "parent"."id" = "weekly_intervals"."owner_id"));
--> statement-breakpoint
CREATE POLICY "weekly_schedules_read" ON "weekly_schedules" AS PERMISSIVE FOR SELECT TO "fluxcore_app", "fluxcore_system" USING ("owner_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or exists (select 1 from "account_locations" "parent" where "parent"."id" = "weekly_schedules"."owner_id"));
