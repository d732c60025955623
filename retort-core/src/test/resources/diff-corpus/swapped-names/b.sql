CREATE TABLE public.a (y text);
CREATE TABLE public.b (x int);
