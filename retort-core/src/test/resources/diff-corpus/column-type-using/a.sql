CREATE TABLE public.price (id int PRIMARY KEY, amount text NOT NULL DEFAULT '0');
