-- revision: b2b2b2b2b2b2
-- down_revision: a1a1a1a1a1a1
-- message: farewells

-- +upgrade
CREATE TABLE farewells (id int PRIMARY KEY);

-- +downgrade
DROP TABLE farewells;
