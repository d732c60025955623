CREATE TABLE public.doc (id int PRIMARY KEY, owner text NOT NULL, secret boolean DEFAULT false);
ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.doc FORCE ROW LEVEL SECURITY;
CREATE POLICY doc_read ON public.doc FOR SELECT TO PUBLIC USING (NOT secret OR owner = current_user);
CREATE POLICY doc_write ON public.doc AS RESTRICTIVE FOR INSERT WITH CHECK (owner = current_user);
