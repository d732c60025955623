CREATE TABLE public.log (id int PRIMARY KEY, line text) WITH (fillfactor = 90);
CREATE UNLOGGED TABLE public.cache (k text PRIMARY KEY, v text);
