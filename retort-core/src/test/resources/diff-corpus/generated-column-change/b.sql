CREATE TABLE public.p (w int, h int, area int GENERATED ALWAYS AS (w * h * 2) STORED, flat text);
CREATE INDEX p_area ON public.p (area);
