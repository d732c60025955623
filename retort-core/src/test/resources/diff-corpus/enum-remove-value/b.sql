CREATE TYPE public.status AS ENUM ('draft', 'active', 'archived');
CREATE TABLE public.listing (id int PRIMARY KEY, status public.status NOT NULL DEFAULT 'draft', past public.status[]);
CREATE INDEX listing_live ON public.listing (id) WHERE status <> 'archived';
CREATE VIEW public.live AS SELECT id, status FROM public.listing WHERE status = 'active';
CREATE FUNCTION public.is_live(s public.status) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s = 'active' $$;
