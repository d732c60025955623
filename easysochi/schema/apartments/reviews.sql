-- One review per completed booking.
CREATE TABLE apartments.reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id bigint NOT NULL REFERENCES apartments.bookings (id) ON DELETE CASCADE,
    rating     smallint NOT NULL CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 1 AND 5),
    text       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- one review per booking; also serves the foreign key
    CONSTRAINT reviews_booking_id_key UNIQUE (booking_id)
);

COMMENT ON TABLE apartments.reviews IS 'EasySochi: one review per completed booking';

-- Only a completed booking may be reviewed. The booking row is locked FOR SHARE so that its status
-- cannot change until the review's transaction ends.
CREATE FUNCTION apartments.check_review_booking_completed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    booking_status apartments.booking_status;
BEGIN
    SELECT b.status INTO booking_status
      FROM apartments.bookings AS b
     WHERE b.id = NEW.booking_id
       FOR SHARE;

    IF NOT FOUND THEN
        -- let the foreign key report it
        RETURN NEW;
    END IF;

    IF booking_status IS DISTINCT FROM 'completed' THEN
        RAISE EXCEPTION 'booking % is %, only a completed booking may be reviewed',
                        NEW.booking_id, booking_status
              USING ERRCODE = 'check_violation',
                    TABLE = 'reviews',
                    SCHEMA = 'apartments';
    END IF;

    RETURN NEW;
END;
$$;

CREATE TRIGGER reviews_booking_completed
    BEFORE INSERT OR UPDATE OF booking_id ON apartments.reviews
    FOR EACH ROW EXECUTE FUNCTION apartments.check_review_booking_completed();

-- Apartments a user has saved.
CREATE TABLE apartments.favorites (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    apartment_id bigint NOT NULL REFERENCES apartments.apartments (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT favorites_user_id_apartment_id_key UNIQUE (user_id, apartment_id)
);

COMMENT ON TABLE apartments.favorites IS 'EasySochi: apartments a user has saved';

-- user_id leads favorites_user_id_apartment_id_key; apartment_id needs its own index.
CREATE INDEX favorites_apartment_id_idx ON apartments.favorites (apartment_id);
