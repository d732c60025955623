-- revision: cbf813adf774
-- down_revision: c758145f53ac
-- message: seasonal price periods
-- created: 2026-11-25T19:16:00Z

-- +upgrade
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

-- The GiST index of the exclusion constraint is not a unique/primary key: a plain
-- btree index serves the foreign key (ON DELETE CASCADE lookups) as well.
CREATE INDEX price_periods_apartment_id_idx ON apartments.price_periods (apartment_id);

-- +downgrade
DROP TABLE apartments.price_periods;
