CREATE TABLE public.notes (id int PRIMARY KEY, note varchar(200), tag text, extra int);
COMMENT ON TABLE public.notes IS 'every note';
GRANT SELECT ON public.notes TO PUBLIC;
GRANT UPDATE (extra) ON public.notes TO PUBLIC;
