-- revision: 4d0000000004
-- down_revision: 2b0000000002, 3c0000000003
-- message: merge apartments and guests
-- created: 2026-11-03T09:00:00Z

-- +upgrade
CREATE TABLE apartments.bookings (
  apartment_id bigint NOT NULL REFERENCES apartments.apartments (id),
  guest_id bigint NOT NULL REFERENCES apartments.guests (id)
);

-- +downgrade
DROP TABLE apartments.bookings;
