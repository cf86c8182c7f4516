-- Issue 26: an online retype copies a column into its new one in batches of UPDATEs, and the
-- touch trigger (0029) would give every row it copies a new updated_at: a million messages'
-- times rewritten by a change of type that no one made to them. The backfill marks its own
-- transactions (fluxcore.online_backfill = 'on', local to each batch; src/online/execute.ts),
-- and the touch trigger leaves updated_at as it was in those, and only those.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_touch_updated_at"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('fluxcore.online_backfill', true) = 'on' THEN
    RETURN NEW;
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
