-- revision: 2b0000000002
-- down_revision: 1a0000000001
-- message: apartments table
-- created: 2026-11-02T09:00:00Z

-- +upgrade
CREATE TABLE apartments.apartments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL
);

-- +downgrade
DROP TABLE apartments.apartments;
