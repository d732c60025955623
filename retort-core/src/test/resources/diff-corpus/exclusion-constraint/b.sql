CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
CREATE TABLE public.booking (id int PRIMARY KEY, room int NOT NULL, stay daterange NOT NULL,
  CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, stay WITH &&) WHERE (room > 0));
