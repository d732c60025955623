-- revision: a1a1a1a1a1a1
-- down_revision: none
-- message: apartments

-- +upgrade
CREATE SCHEMA apartments;
CREATE TABLE apartments.listing (id int PRIMARY KEY, title text NOT NULL);
CREATE INDEX listing_title ON apartments.listing (title);

-- +downgrade
DROP SCHEMA apartments CASCADE;
