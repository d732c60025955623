CREATE TABLE public.booking (id int PRIMARY KEY, guests bigint NOT NULL, total numeric(12,2));
CREATE VIEW public.busy AS SELECT id, guests FROM public.booking WHERE guests > 2;
CREATE VIEW public.busiest AS SELECT id FROM public.busy WHERE guests > 4;
COMMENT ON VIEW public.busy IS 'bookings for three or more';
