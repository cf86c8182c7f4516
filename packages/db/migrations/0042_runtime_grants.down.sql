-- Down of 0042_runtime_grants: written by hand. Revokes every privilege the runtime roles hold
-- in this database (0042 granted them all); the roles themselves stay (0041's down says why).
REVOKE ALL ON ALL TABLES IN SCHEMA "public" FROM "fluxcore_app", "fluxcore_system";--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA "public" FROM "fluxcore_app", "fluxcore_system";--> statement-breakpoint
REVOKE USAGE ON SCHEMA "public" FROM "fluxcore_app", "fluxcore_system";
