CREATE TABLE public.doc (id int PRIMARY KEY, title text, body text, score numeric, lang text);
CREATE INDEX doc_title ON public.doc (title);
CREATE INDEX doc_expr ON public.doc (lower(title));
CREATE INDEX doc_partial ON public.doc (score) WHERE score > 0;
CREATE UNIQUE INDEX doc_cover ON public.doc (id) INCLUDE (title);
