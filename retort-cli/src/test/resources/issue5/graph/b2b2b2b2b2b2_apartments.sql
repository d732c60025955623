-- revision: b2b2b2b2b2b2
-- down_revision: a1a1a1a1a1a1
-- message: apartments
-- created: 2026-01-02T10:00:00Z

-- +upgrade
CREATE TABLE apartments (
  id bigint PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES users (id),
  title text NOT NULL
);

-- +downgrade
DROP TABLE apartments;
