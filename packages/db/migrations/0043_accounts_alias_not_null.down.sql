-- Down of 0043_accounts_alias_not_null: back to the schema 0042_accounts_alias_from_username left.
-- Written by db:generate from meta/0043_snapshot.json and meta/0042_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "accounts" ALTER COLUMN "alias" DROP NOT NULL;
