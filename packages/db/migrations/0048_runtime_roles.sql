-- The runtime roles of tenant isolation (issue 24; src/schema/tenancy): fluxcore_app for the
-- API, fluxcore_system for the deletion worker and admin tasks. NOLOGIN: a login is a member
-- (docs/tenancy.md: `create role fluxcore_api login password '…' in role fluxcore_app`).
-- Roles belong to the whole server, not to this database: another database on it may have
-- created them already, or be creating them now (tests migrate many databases at once), so
-- an existing role is kept as it is (duplicate_object; unique_violation when two creations
-- race). A role the migrating user may not create is one line saying what to run instead.
-- Neither role is superuser, BYPASSRLS or an owner: the owner (who migrates) is not subject
-- to row-level security, and the runtime roles own nothing, so no table needs FORCE.
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['fluxcore_app', 'fluxcore_system'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', role_name);
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'cannot create the role %: the migrating user lacks CREATEROLE', role_name
          USING HINT = format('Ask an administrator to run: create role %I nologin; then migrate again', role_name);
    END;
  END LOOP;
END $$;
