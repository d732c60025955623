CREATE TYPE public.status AS ENUM ('draft', 'archived');
CREATE TABLE public.listing (id int PRIMARY KEY, status public.status NOT NULL DEFAULT 'draft');
