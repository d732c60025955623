CREATE TABLE public.keep (id int PRIMARY KEY, thing int);
