-- revision: 6f0000000006
-- down_revision: 5e0000000005
-- message: invoices
-- created: 2026-11-05T09:00:00Z
-- depends_on: 2b0000000002
-- transactional: false

-- +upgrade
CREATE TABLE billing.invoices (
  apartment_id bigint NOT NULL REFERENCES apartments.apartments (id),
  amount numeric(12, 2) NOT NULL
);
CREATE INDEX CONCURRENTLY invoices_apartment ON billing.invoices (apartment_id);

-- +downgrade
DROP TABLE billing.invoices;
