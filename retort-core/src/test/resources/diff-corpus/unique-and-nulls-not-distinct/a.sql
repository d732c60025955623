CREATE TABLE public.u (id int PRIMARY KEY, email text, code text, CONSTRAINT u_code UNIQUE (code));
