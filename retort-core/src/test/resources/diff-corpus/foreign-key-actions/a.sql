CREATE TABLE public.parent (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE public.child (id int PRIMARY KEY, parent_id int REFERENCES public.parent ON DELETE CASCADE, code text);
