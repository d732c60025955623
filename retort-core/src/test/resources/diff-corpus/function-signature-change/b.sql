CREATE FUNCTION public.fee(amount numeric) RETURNS numeric(12,2) LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 0.1, 2) $$;
CREATE FUNCTION public.fee(amount numeric, rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * rate $$;
CREATE TABLE public.invoice (id int PRIMARY KEY, amount numeric CHECK (public.fee(amount) >= 0));
CREATE VIEW public.fees AS SELECT id, public.fee(amount) AS fee FROM public.invoice;
