CREATE TABLE public.doc (id int PRIMARY KEY, title text, body text, score numeric, lang text);
CREATE INDEX doc_title ON public.doc (title DESC NULLS LAST, lang);
CREATE INDEX doc_expr ON public.doc (lower(title) text_pattern_ops);
CREATE INDEX doc_partial ON public.doc (score) WHERE score > 10;
CREATE UNIQUE INDEX doc_cover ON public.doc (id) INCLUDE (title, lang);
CREATE INDEX doc_collated ON public.doc (title COLLATE "C") WITH (fillfactor = 70);
CREATE INDEX doc_hash ON public.doc USING hash (lang);
