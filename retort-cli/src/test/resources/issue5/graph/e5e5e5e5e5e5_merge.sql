-- revision: e5e5e5e5e5e5
-- down_revision: d4d4d4d4d4d4, c3c3c3c3c3c3
-- message: merge apartments and billing
-- created: 2026-01-05T10:00:00Z

-- +upgrade
CREATE VIEW owner_invoices AS
  SELECT a.id AS apartment_id, count(i.id) AS invoices
  FROM apartments a LEFT JOIN invoices i ON i.user_id = a.owner_id
  GROUP BY a.id;

-- +downgrade
DROP VIEW owner_invoices;
