CREATE TYPE public.size AS ENUM ('small', 'large', 'medium');
CREATE TABLE public.shirt (id int PRIMARY KEY, size public.size NOT NULL);
