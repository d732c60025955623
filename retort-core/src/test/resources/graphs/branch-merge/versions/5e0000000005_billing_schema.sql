-- revision: 5e0000000005
-- down_revision: 1a0000000001
-- message: billing schema
-- created: 2026-11-04T09:00:00Z
-- branch_labels: billing

-- +upgrade
CREATE SCHEMA billing;

-- +downgrade
DROP SCHEMA billing;
