-- revision: d4d4d4d4d4d4
-- down_revision: a1a1a1a1a1a1
-- message: right

-- +upgrade
CREATE TABLE rights (id int);
