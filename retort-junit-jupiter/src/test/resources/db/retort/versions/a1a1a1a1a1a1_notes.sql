-- revision: a1a1a1a1a1a1
-- down_revision: none
-- message: notes

-- +upgrade
CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL);
INSERT INTO notes (body) VALUES ('seeded by the migration');

-- +downgrade
DROP TABLE notes;
