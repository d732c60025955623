-- revision: aeacb5c549e9
-- down_revision: none
-- message: enable btree_gist and pg_trgm
-- created: 2026-11-25T19:10:00Z

-- +upgrade
-- btree_gist: equality on bigint inside GiST exclusion constraints (no double bookings).
-- pg_trgm: trigram index for fuzzy search on apartment titles.
-- Both live in schema public; see SCHEMA.md for why the downgrade drops them.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- +downgrade
-- No CASCADE: if anything else in this database still uses them, fail instead of destroying it.
DROP EXTENSION IF EXISTS pg_trgm;
DROP EXTENSION IF EXISTS btree_gist;
