CREATE TABLE public.apartment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  rooms smallint NOT NULL DEFAULT 1 CHECK (rooms > 0),
  note text COLLATE "C"
);
COMMENT ON COLUMN public.apartment.rooms IS 'number of rooms';
