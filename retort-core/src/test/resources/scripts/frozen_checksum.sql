-- revision: 0f0e0d0c0b0a
-- down_revision: none
-- message: frozen checksum fixture, do not edit (ChecksumTest pins its value)
-- created: 2026-11-25T00:00:00Z

-- +upgrade
CREATE TABLE public.frozen (
  id integer PRIMARY KEY,
  note text DEFAULT $$it's; frozen$$
);

-- +downgrade
DROP TABLE public.frozen;
