-- revision: b1b1b1b1b1b1
-- down_revision: none
-- message: broken

-- +upgrade
CREATE TABLE fine (id int);
CREATE TABLE broken (id int REFERENCES nowhere (id));

-- +downgrade
DROP TABLE broken;
