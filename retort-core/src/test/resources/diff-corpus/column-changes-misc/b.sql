CREATE TABLE public.c (id int PRIMARY KEY, name text COLLATE "C", label varchar(40) DEFAULT 'none', flag boolean NOT NULL DEFAULT true);
