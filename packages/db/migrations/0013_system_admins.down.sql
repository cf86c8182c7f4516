-- Down of 0013_system_admins: back to the schema 0012_credits left.
-- Written by db:generate from meta/0013_snapshot.json and meta/0012_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=system_admins
DROP TABLE "system_admins" CASCADE;
