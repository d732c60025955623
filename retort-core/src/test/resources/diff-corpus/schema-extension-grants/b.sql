CREATE SCHEMA app;
CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'audit trail';
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE TABLE app.t (id int PRIMARY KEY, v text);
CREATE INDEX t_v_trgm ON app.t USING gin (v public.gin_trgm_ops);
GRANT USAGE ON SCHEMA app TO PUBLIC;
GRANT SELECT, UPDATE (v) ON app.t TO PUBLIC;
