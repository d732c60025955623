CREATE SCHEMA shop;
CREATE TABLE shop.customer (id int PRIMARY KEY, best_order int);
CREATE TABLE shop.orders (id int PRIMARY KEY, customer int NOT NULL REFERENCES shop.customer);
ALTER TABLE shop.customer ADD FOREIGN KEY (best_order) REFERENCES shop.orders;
CREATE INDEX orders_customer ON shop.orders (customer);
