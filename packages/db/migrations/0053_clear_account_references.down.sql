-- Down of 0053_clear_account_references: written by hand; the function holds no data.
DROP FUNCTION IF EXISTS "public"."fluxcore_clear_account_references"(uuid);
