-- revision: 7a7a7a7a7a7a
-- down_revision: f6f6f6f6f6f6
-- message: reviews
-- created: 2026-01-07T10:00:00Z

-- +upgrade
CREATE TABLE reviews (
  id bigint PRIMARY KEY,
  booking_id bigint NOT NULL UNIQUE REFERENCES bookings (id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5)
);

-- +downgrade
DROP TABLE reviews;
