-- revision: c3c3c3c3c3c3
-- down_revision: a1a1a1a1a1a1
-- message: left

-- +upgrade
CREATE TABLE lefts (id int);
