CREATE FUNCTION public.next_code() RETURNS varchar LANGUAGE sql AS $$ SELECT 'B'::varchar $$;
CREATE TABLE public.ticket (id int PRIMARY KEY, code text NOT NULL DEFAULT public.next_code());
