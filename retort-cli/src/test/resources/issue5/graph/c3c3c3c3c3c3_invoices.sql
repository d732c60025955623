-- revision: c3c3c3c3c3c3
-- down_revision: a1a1a1a1a1a1
-- message: invoices
-- created: 2026-01-03T10:00:00Z
-- branch_labels: billing

-- +upgrade
CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  amount numeric(12, 2) NOT NULL CHECK (amount >= 0)
);

-- +downgrade
DROP TABLE invoices;
