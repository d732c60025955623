-- What the application's roles may do.

GRANT USAGE ON SCHEMA public TO easysochi_app;
GRANT USAGE ON SCHEMA apartments TO easysochi_app, easysochi_readonly;

-- The bot reads and writes its own tables (in public only these: other tables there, the migration
-- tool's version table say, are not the application's business) and uses their sequences.
GRANT SELECT, INSERT, UPDATE, DELETE ON public.users, public.bot_sessions TO easysochi_app;
GRANT USAGE, SELECT ON SEQUENCE public.users_id_seq TO easysochi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA apartments TO easysochi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA apartments TO easysochi_app;

-- Tables and sequences created later by the migrating role follow automatically.
ALTER DEFAULT PRIVILEGES IN SCHEMA public, apartments
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO easysochi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public, apartments
    GRANT USAGE, SELECT ON SEQUENCES TO easysochi_app;

-- Reporting sees the two views; a view reads its tables with its owner's rights.
GRANT SELECT ON apartments.active_listings, apartments.owner_stats TO easysochi_readonly;
