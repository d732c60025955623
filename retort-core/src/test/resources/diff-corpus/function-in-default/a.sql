CREATE FUNCTION public.next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'A' $$;
CREATE TABLE public.ticket (id int PRIMARY KEY, code text NOT NULL DEFAULT public.next_code());
