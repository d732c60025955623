CREATE TABLE public.c (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x', label varchar(10), flag boolean);
