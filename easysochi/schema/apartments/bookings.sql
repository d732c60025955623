CREATE TYPE apartments.booking_status AS ENUM ('pending', 'confirmed', 'cancelled', 'completed');

-- A guest's stay in an apartment: stay is [check-in, check-out).
CREATE TABLE apartments.bookings (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    apartment_id bigint NOT NULL REFERENCES apartments.apartments (id),
    guest_id     bigint NOT NULL REFERENCES public.users (id),
    stay         daterange NOT NULL,
    guests       integer NOT NULL CONSTRAINT bookings_guests_check CHECK (guests > 0),
    total_price  numeric(12,2) NOT NULL CONSTRAINT bookings_total_price_check CHECK (total_price >= 0),
    status       apartments.booking_status NOT NULL DEFAULT 'pending',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_stay_check
        CHECK (NOT isempty(stay) AND NOT lower_inf(stay) AND NOT upper_inf(stay)),
    -- Only live bookings hold the dates; cancelled and completed ones never block a new booking.
    CONSTRAINT bookings_no_overlap
        EXCLUDE USING gist (apartment_id WITH =, stay WITH &&) WHERE (status IN ('pending', 'confirmed'))
);

COMMENT ON TABLE apartments.bookings IS 'EasySochi: a guest''s stay in an apartment; stay is [check-in, check-out)';

CREATE INDEX bookings_apartment_id_idx ON apartments.bookings (apartment_id);
CREATE INDEX bookings_guest_id_idx ON apartments.bookings (guest_id);

CREATE TRIGGER bookings_set_updated_at
    BEFORE UPDATE ON apartments.bookings
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
