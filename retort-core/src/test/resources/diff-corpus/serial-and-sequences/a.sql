CREATE SEQUENCE public.counter INCREMENT BY 2 CACHE 10;
CREATE TABLE public.t (id serial PRIMARY KEY, v int);
CREATE TABLE public.u (id int PRIMARY KEY);
