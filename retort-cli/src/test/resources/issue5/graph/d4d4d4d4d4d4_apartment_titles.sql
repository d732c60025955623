-- revision: d4d4d4d4d4d4
-- down_revision: b2b2b2b2b2b2
-- message: index apartment titles without locking writes
-- created: 2026-01-04T10:00:00Z
-- transactional: false

-- +upgrade
CREATE INDEX CONCURRENTLY apartments_title_idx ON apartments (title);

-- +downgrade
DROP INDEX CONCURRENTLY apartments_title_idx;
