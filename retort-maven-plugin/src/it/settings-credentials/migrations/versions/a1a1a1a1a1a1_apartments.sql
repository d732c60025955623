-- revision: a1a1a1a1a1a1
-- down_revision: none
-- message: apartments

-- +upgrade
CREATE TABLE apartments (id int PRIMARY KEY, title text NOT NULL);

-- +downgrade
DROP TABLE apartments;
