CREATE TABLE public.doc (id int PRIMARY KEY, owner text NOT NULL, secret boolean DEFAULT false);
CREATE POLICY doc_read ON public.doc FOR SELECT USING (NOT secret);
