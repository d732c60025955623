-- revision: 3c0000000003
-- down_revision: 1a0000000001
-- message: guests table
-- created: 2026-11-02T10:00:00Z

-- +upgrade
CREATE TABLE apartments.guests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  telegram_id bigint NOT NULL UNIQUE
);

-- +downgrade
DROP TABLE apartments.guests;
