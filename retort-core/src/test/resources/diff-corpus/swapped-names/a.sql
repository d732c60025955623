CREATE TABLE public.a (x int);
CREATE TABLE public.b (y text);
