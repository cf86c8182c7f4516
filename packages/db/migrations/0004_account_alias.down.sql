-- Down of 0004_account_alias: back to the schema 0003_actor_model left.
-- Written by db:generate from meta/0004_snapshot.json and meta/0003_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive column=accounts.alias
ALTER TABLE "accounts" DROP COLUMN "alias";
