-- revision: d1a38c2b8ee9
-- down_revision: 9977a85c5187
-- message: bookings cannot overlap
-- created: 2026-11-25T19:18:00Z

-- +upgrade
-- Only live bookings (pending or confirmed) hold the dates; cancelled and
-- completed ones never block a new booking. Violations raise SQLSTATE 23P01.
ALTER TABLE apartments.bookings
    ADD CONSTRAINT bookings_no_overlap
    EXCLUDE USING gist (apartment_id WITH =, stay WITH &&)
    WHERE (status IN ('pending', 'confirmed'));

-- +downgrade
ALTER TABLE apartments.bookings DROP CONSTRAINT bookings_no_overlap;
