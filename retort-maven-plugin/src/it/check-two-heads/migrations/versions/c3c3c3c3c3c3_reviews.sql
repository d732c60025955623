-- revision: c3c3c3c3c3c3
-- down_revision: a1a1a1a1a1a1
-- message: reviews (written on one branch)

-- +upgrade
CREATE TABLE reviews (id int);
