CREATE TYPE apartments.apartment_status AS ENUM ('draft', 'active', 'archived');

-- Apartments listed by owners; archive a listing rather than delete it (bookings keep their history).
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

-- Telegram photo file_ids; the lowest position is the cover.
CREATE TABLE apartments.photos (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    apartment_id bigint NOT NULL REFERENCES apartments.apartments (id) ON DELETE CASCADE,
    file_id      text NOT NULL,
    position     smallint NOT NULL DEFAULT 0 CHECK (position >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- also serves the foreign key: apartment_id is its leading column
    CONSTRAINT photos_apartment_id_position_key UNIQUE (apartment_id, position)
);

COMMENT ON TABLE apartments.photos IS 'EasySochi: Telegram photo file_ids of an apartment; lowest position is the cover';
COMMENT ON COLUMN apartments.photos.file_id IS 'Telegram file_id of the photo';

-- Seasonal prices: the periods of one apartment cannot overlap.
CREATE TABLE apartments.price_periods (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    apartment_id    bigint NOT NULL REFERENCES apartments.apartments (id) ON DELETE CASCADE,
    period          daterange NOT NULL,
    price_per_night numeric(10,2) NOT NULL CONSTRAINT price_periods_price_per_night_check CHECK (price_per_night > 0),
    CONSTRAINT price_periods_period_check
        CHECK (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)),
    CONSTRAINT price_periods_no_overlap
        EXCLUDE USING gist (apartment_id WITH =, period WITH &&)
);

COMMENT ON TABLE apartments.price_periods IS 'EasySochi: per-night price of an apartment for a date range (season)';

-- The exclusion constraint's GiST index does not serve the foreign key's lookups; this one does.
CREATE INDEX price_periods_apartment_id_idx ON apartments.price_periods (apartment_id);
