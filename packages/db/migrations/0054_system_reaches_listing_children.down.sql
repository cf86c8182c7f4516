-- Down of 0054_system_reaches_listing_children: back to the schema 0053_clear_account_references left.
-- Written by db:generate from meta/0054_snapshot.json and meta/0053_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER POLICY "fluxcore_marketplace_reviews_system_references" ON "fluxcore_marketplace_reviews" TO fluxcore_system USING ("reviewer_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid)) WITH CHECK ("reviewer_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "reviewer_account_id" is null);
--> statement-breakpoint
ALTER POLICY "fluxcore_marketplace_subscriptions_system_references" ON "fluxcore_marketplace_subscriptions" TO fluxcore_system USING ("subscriber_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid)) WITH CHECK ("subscriber_account_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "subscriber_account_id" is null);
