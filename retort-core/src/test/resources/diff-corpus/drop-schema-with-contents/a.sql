CREATE SCHEMA legacy;
CREATE TYPE legacy.state AS ENUM ('on', 'off');
CREATE TABLE legacy.thing (id int PRIMARY KEY, s legacy.state);
CREATE VIEW legacy.on_things AS SELECT id FROM legacy.thing WHERE s = 'on';
CREATE FUNCTION legacy.count_things() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM legacy.thing $$;
CREATE TABLE public.keep (id int PRIMARY KEY, thing int REFERENCES legacy.thing);
