CREATE TABLE public.parent (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE public.child (id int PRIMARY KEY,
  parent_id int CONSTRAINT child_parent_id_fkey REFERENCES public.parent ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE,
  code text CONSTRAINT child_code_fkey REFERENCES public.parent (code) MATCH FULL);
