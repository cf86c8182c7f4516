-- Issue 24: the deletion worker runs as fluxcore_system, under row-level security. Its one step
-- the policies cannot allow is clearing another account's reference to the deleted account
-- (an appointment's client, an installation's granted_by: the `on delete set null` keys to
-- accounts) when the account row stays a tombstone: the cleared row names the tenant no more,
-- so no policy of the tenant's shows it after the update, and PostgreSQL refuses an update
-- whose new row the updater could not read. A policy that let the system role read such rows
-- would show it every row with a null reference, of every account.
-- So this function does exactly that clearing, as the owner (SECURITY DEFINER): every
-- single-column `on delete set null` foreign key to accounts, read from the catalog (as the
-- deletion plan reads it), set to null where it names the account; and only for the account
-- that is the transaction's tenant with a deletion under way (a job past its snapshot, not yet
-- completed or failed). A fixed search_path, so no object of the caller's can stand in for the
-- tables. Only fluxcore_system may execute it; it returns how many rows it cleared.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_clear_account_references"(p_account_id uuid)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  ref record;
  changed integer;
  total integer := 0;
BEGIN
  IF p_account_id IS NULL
     OR p_account_id::text IS DISTINCT FROM nullif(current_setting('fluxcore.account_id', true), '')
     OR NOT EXISTS (
       SELECT 1 FROM public.account_deletion_jobs j
        WHERE j.account_id = p_account_id
          AND j.status IN ('snapshot_ready', 'external_cleanup', 'local_cleanup')) THEN
    RAISE EXCEPTION 'fluxcore_clear_account_references: account % is not the tenant of this transaction with its deletion under way', p_account_id
      USING ERRCODE = '42501',
            HINT = 'Only the deletion worker clears references, for the account of the job it runs';
  END IF;
  FOR ref IN
    SELECT c.conrelid::regclass AS tbl, a.attname AS col
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confdeltype = 'n' AND cardinality(c.conkey) = 1
       AND c.confrelid = 'public.accounts'::regclass
       AND c.connamespace = 'public'::regnamespace
     ORDER BY 1, 2
  LOOP
    EXECUTE format('UPDATE %s SET %I = NULL WHERE %I = $1', ref.tbl, ref.col, ref.col)
      USING p_account_id;
    GET DIAGNOSTICS changed = ROW_COUNT;
    total := total + changed;
  END LOOP;
  RETURN total;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION "public"."fluxcore_clear_account_references"(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."fluxcore_clear_account_references"(uuid) TO "fluxcore_system";
