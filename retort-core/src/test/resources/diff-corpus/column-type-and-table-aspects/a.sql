CREATE TABLE public.notes (id int PRIMARY KEY, note text, tag text);
COMMENT ON TABLE public.notes IS 'notes';
GRANT SELECT (tag) ON public.notes TO PUBLIC;
