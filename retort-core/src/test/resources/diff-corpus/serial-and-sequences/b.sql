CREATE SEQUENCE public.counter AS integer INCREMENT BY 3 MINVALUE 0 START WITH 5 CYCLE;
CREATE TABLE public.t (id int PRIMARY KEY, v int);
CREATE TABLE public.u (id int PRIMARY KEY, n bigserial);
CREATE SEQUENCE public.ticket OWNED BY public.t.v;
