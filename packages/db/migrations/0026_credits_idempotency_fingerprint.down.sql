-- Down of 0026_credits_idempotency_fingerprint: back to the schema 0025_credits_policies_seed left.
-- Written by db:generate from meta/0026_snapshot.json and meta/0025_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive column=credits_ledger.request_fingerprint
ALTER TABLE "credits_ledger" DROP COLUMN "request_fingerprint";
