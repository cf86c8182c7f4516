-- Down of 0024_protected_accounts: back to the schema 0023_media_and_message_assets left.
-- Written by db:generate from meta/0024_snapshot.json and meta/0023_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=protected_accounts
DROP TABLE "protected_accounts" CASCADE;
