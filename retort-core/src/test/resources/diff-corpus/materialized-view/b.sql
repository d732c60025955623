CREATE TABLE public.hit (id int PRIMARY KEY, page text);
CREATE MATERIALIZED VIEW public.hits_by_page AS SELECT page, count(*) AS n, max(id) AS last FROM public.hit GROUP BY page;
CREATE UNIQUE INDEX hits_by_page_page ON public.hits_by_page (page);
