-- revision: 1a0000000001
-- down_revision: none
-- message: create schema apartments
-- created: 2026-11-01T09:00:00Z

-- +upgrade
CREATE SCHEMA apartments;

-- +downgrade
DROP SCHEMA apartments;
