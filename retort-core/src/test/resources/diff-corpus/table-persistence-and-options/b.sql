CREATE UNLOGGED TABLE public.log (id int PRIMARY KEY, line text) WITH (fillfactor = 70, autovacuum_enabled = false);
CREATE TABLE public.cache (k text PRIMARY KEY, v text);
ALTER TABLE public.cache REPLICA IDENTITY FULL;
ALTER TABLE public.log ALTER COLUMN line SET STORAGE EXTERNAL;
ALTER TABLE public.log ALTER COLUMN line SET STATISTICS 500;
ALTER TABLE public.log ALTER COLUMN line SET COMPRESSION pglz;
