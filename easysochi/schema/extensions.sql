-- btree_gist: equality on bigint inside GiST exclusion constraints (no double bookings).
-- pg_trgm: trigram index for fuzzy search on apartment titles.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
