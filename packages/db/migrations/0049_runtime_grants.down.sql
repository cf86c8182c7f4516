-- Down of 0049_runtime_grants: written by hand. Revokes every privilege the runtime roles hold
-- in this database (0049 granted them all); the roles themselves stay (0048's down says why).
REVOKE ALL ON ALL TABLES IN SCHEMA "public" FROM "fluxcore_app", "fluxcore_system";--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA "public" FROM "fluxcore_app", "fluxcore_system";--> statement-breakpoint
REVOKE USAGE ON SCHEMA "public" FROM "fluxcore_app", "fluxcore_system";
--> statement-breakpoint
DO $$
BEGIN
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE "drizzle"."__drizzle_migrations" FROM "fluxcore_app";
    REVOKE USAGE ON SCHEMA "drizzle" FROM "fluxcore_app";
  END IF;
END $$;
