-- Down of 0033_credits_idempotency_fingerprint: back to the schema 0032_drop_columns_folded_into_original left.
-- Written by db:generate from meta/0033_snapshot.json and meta/0032_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive column=credits_ledger.request_fingerprint
ALTER TABLE "credits_ledger" DROP COLUMN "request_fingerprint";
