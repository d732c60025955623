CREATE SCHEMA app;
CREATE TABLE app.old (id int);
