-- revision: f6f6f6f6f6f6
-- down_revision: e5e5e5e5e5e5
-- message: bookings
-- created: 2026-01-06T10:00:00Z

-- +upgrade
CREATE TABLE bookings (
  id bigint PRIMARY KEY,
  apartment_id bigint NOT NULL REFERENCES apartments (id),
  nights integer NOT NULL
);

COMMENT ON TABLE bookings IS 'stays; one row per booking';

CREATE FUNCTION booking_nights_positive() RETURNS trigger
LANGUAGE plpgsql AS $body$
BEGIN
  IF NEW.nights <= 0 THEN
    RAISE EXCEPTION 'nights must be positive; got %', NEW.nights;
  END IF;
  RETURN NEW;
END;
$body$;

CREATE TRIGGER bookings_nights BEFORE INSERT OR UPDATE ON bookings
  FOR EACH ROW EXECUTE FUNCTION booking_nights_positive();

-- +downgrade
DROP TABLE bookings;
DROP FUNCTION booking_nights_positive();
