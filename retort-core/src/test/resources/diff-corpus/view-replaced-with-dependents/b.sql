CREATE TABLE public.sale (id int PRIMARY KEY, amount numeric, region text);
CREATE VIEW public.by_region AS SELECT region, count(*) AS sales, sum(amount) AS total FROM public.sale GROUP BY region;
CREATE VIEW public.top_regions AS SELECT region FROM public.by_region WHERE total > 100;
GRANT SELECT ON public.top_regions TO PUBLIC;
