-- revision: d4d4d4d4d4d4
-- down_revision: a1a1a1a1a1a1
-- message: favorites (written on another branch)

-- +upgrade
CREATE TABLE favorites (id int);
