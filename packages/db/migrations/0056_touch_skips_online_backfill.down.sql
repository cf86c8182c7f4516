-- Down of 0056_touch_skips_online_backfill: written by hand; the touch trigger's function as
-- 0029 wrote it (an online backfill moves updated_at again).
CREATE OR REPLACE FUNCTION "public"."fluxcore_touch_updated_at"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
