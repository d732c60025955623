-- revision: a1a1a1a1a1a1
-- down_revision: none
-- message: greetings

-- +upgrade
CREATE TABLE greetings (id int PRIMARY KEY, text text NOT NULL);
INSERT INTO greetings VALUES (1, 'hello from the migration');

-- +downgrade
DROP TABLE greetings;
