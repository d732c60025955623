CREATE SCHEMA apartments;

CREATE TABLE apartments.listing (
  id    int PRIMARY KEY,
  title text NOT NULL
);
CREATE INDEX listing_title ON apartments.listing (title);
