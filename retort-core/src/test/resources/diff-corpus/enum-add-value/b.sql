CREATE TYPE public.status AS ENUM ('draft', 'active', 'archived');
CREATE TABLE public.listing (id int PRIMARY KEY, status public.status NOT NULL DEFAULT 'draft');
CREATE INDEX listing_active ON public.listing (id) WHERE status = 'active';
