CREATE TABLE public.note (id int PRIMARY KEY, body text, updated timestamptz);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER note_touch BEFORE INSERT OR UPDATE ON public.note FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE FUNCTION public.words(t text, n int DEFAULT 3) RETURNS text[] LANGUAGE sql IMMUTABLE
  BEGIN ATOMIC SELECT (string_to_array(t, ' '))[1:n]; END;
