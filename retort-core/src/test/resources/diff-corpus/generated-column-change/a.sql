CREATE TABLE public.p (w int, h int, area int GENERATED ALWAYS AS (w * h) STORED, flat text GENERATED ALWAYS AS ('x') STORED);
CREATE INDEX p_area ON public.p (area);
