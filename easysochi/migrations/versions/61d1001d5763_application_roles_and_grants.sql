-- revision: 61d1001d5763
-- down_revision: 5ed520556749
-- message: application roles and grants
-- created: 2026-11-25T19:22:00Z

-- +upgrade
-- Roles are cluster-wide: another database of this cluster may already have
-- created them (same migration chain), so create each one only where missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'easysochi_app') THEN
        CREATE ROLE easysochi_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'easysochi_readonly') THEN
        CREATE ROLE easysochi_readonly NOLOGIN;
    END IF;
END
$$;

-- easysochi_app: data access only (no CREATE on schemas, owns nothing, no TRUNCATE/REFERENCES/TRIGGER).
GRANT USAGE ON SCHEMA public TO easysochi_app;
GRANT USAGE ON SCHEMA apartments TO easysochi_app;
-- In public only the bot's own tables: other tables there (e.g. the migration tool's
-- version table) are not the application's business.
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.users, public.bot_sessions TO easysochi_app;
GRANT USAGE, SELECT ON SEQUENCE public.users_id_seq TO easysochi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA apartments TO easysochi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA apartments TO easysochi_app;

-- Tables and sequences created later by the migrating role follow automatically.
ALTER DEFAULT PRIVILEGES IN SCHEMA public, apartments
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO easysochi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public, apartments
    GRANT USAGE, SELECT ON SEQUENCES TO easysochi_app;

-- easysochi_readonly: the two views only. A view reads its tables with the view
-- owner's rights, so no grant on the underlying tables is needed.
GRANT USAGE ON SCHEMA apartments TO easysochi_readonly;
GRANT SELECT ON TABLE apartments.active_listings, apartments.owner_stats TO easysochi_readonly;

-- +downgrade
REVOKE SELECT ON TABLE apartments.active_listings, apartments.owner_stats FROM easysochi_readonly;
REVOKE USAGE ON SCHEMA apartments FROM easysochi_readonly;

ALTER DEFAULT PRIVILEGES IN SCHEMA public, apartments
    REVOKE USAGE, SELECT ON SEQUENCES FROM easysochi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public, apartments
    REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM easysochi_app;

REVOKE ALL ON ALL SEQUENCES IN SCHEMA apartments FROM easysochi_app;
REVOKE ALL ON ALL TABLES IN SCHEMA apartments FROM easysochi_app;
REVOKE ALL ON SEQUENCE public.users_id_seq FROM easysochi_app;
REVOKE ALL ON TABLE public.users, public.bot_sessions FROM easysochi_app;
REVOKE USAGE ON SCHEMA apartments FROM easysochi_app;
REVOKE USAGE ON SCHEMA public FROM easysochi_app;

-- Drop a role only if no other database of the cluster (nor a shared object,
-- dbid 0) still depends on it: running this chain in two databases and
-- downgrading one must leave the other's roles intact. Anything left over in
-- this database makes DROP ROLE fail loudly, rolling the downgrade back.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['easysochi_readonly', 'easysochi_app'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
            CONTINUE;
        END IF;
        IF EXISTS (
            SELECT FROM pg_catalog.pg_shdepend AS d
             WHERE d.refclassid = 'pg_catalog.pg_authid'::regclass
               AND d.refobjid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = role_name)
               AND d.dbid <> (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
        ) THEN
            RAISE NOTICE 'role % is still used outside database %, not dropping it',
                         role_name, current_database();
        ELSE
            EXECUTE format('DROP ROLE %I', role_name);
        END IF;
    END LOOP;
END
$$;
