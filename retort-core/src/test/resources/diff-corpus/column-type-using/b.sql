CREATE TABLE public.price (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL DEFAULT 0);
