-- revision: b2b2b2b2b2b2
-- down_revision: a1a1a1a1a1a1
-- message: bookings

-- +upgrade
CREATE TABLE bookings (id int PRIMARY KEY, apartment_id int NOT NULL REFERENCES apartments (id));

-- +downgrade
DROP TABLE bookings;
