-- revision: e6092c2f5b11
-- down_revision: 2116a9720aaa
-- message: create apartments
-- created: 2026-11-25T19:14:00Z

-- +upgrade
CREATE TYPE apartments.apartment_status AS ENUM ('draft', 'active', 'archived');

CREATE TABLE apartments.apartments (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id          bigint NOT NULL REFERENCES public.users (id),
    district_id       integer NOT NULL REFERENCES apartments.districts (id),
    title             text NOT NULL,
    description       text,
    address           text,
    rooms             smallint CHECK (rooms >= 0),
    area_m2           numeric(7,2) CHECK (area_m2 > 0),
    max_guests        smallint NOT NULL DEFAULT 1 CHECK (max_guests > 0),
    floor             smallint,
    distance_to_sea_m integer CHECK (distance_to_sea_m >= 0),
    price_per_night   numeric(10,2) NOT NULL CONSTRAINT apartments_price_per_night_check CHECK (price_per_night > 0),
    amenities         text[] NOT NULL DEFAULT '{}',
    status            apartments.apartment_status NOT NULL DEFAULT 'draft',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    search_vector     tsvector GENERATED ALWAYS AS (
                          to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(description, ''))
                      ) STORED
);

COMMENT ON TABLE apartments.apartments IS 'EasySochi: apartments listed by owners';

CREATE INDEX apartments_owner_id_idx ON apartments.apartments (owner_id);
CREATE INDEX apartments_district_id_idx ON apartments.apartments (district_id);
CREATE INDEX apartments_search_vector_idx ON apartments.apartments USING gin (search_vector);
CREATE INDEX apartments_title_trgm_idx ON apartments.apartments USING gin (title public.gin_trgm_ops);
CREATE INDEX apartments_active_district_price_idx ON apartments.apartments (district_id, price_per_night)
    WHERE status = 'active';

CREATE TRIGGER apartments_set_updated_at
    BEFORE UPDATE ON apartments.apartments
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- +downgrade
DROP TABLE apartments.apartments;
DROP TYPE apartments.apartment_status;
