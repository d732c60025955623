CREATE SCHEMA apartments;

COMMENT ON SCHEMA apartments IS 'EasySochi: listings, photos, prices, bookings, reviews';

-- Sochi's districts; the rows themselves come with the migrations.
CREATE TABLE apartments.districts (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    CONSTRAINT districts_name_key UNIQUE (name)
);
