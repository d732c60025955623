-- revision: 2116a9720aaa
-- down_revision: 2452a3fb34a8
-- message: apartments schema and districts
-- created: 2026-11-25T19:13:00Z

-- +upgrade
CREATE SCHEMA apartments;

COMMENT ON SCHEMA apartments IS 'EasySochi: listings, photos, prices, bookings, reviews';

CREATE TABLE apartments.districts (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    CONSTRAINT districts_name_key UNIQUE (name)
);

INSERT INTO apartments.districts (name) VALUES
    ('Центральный'),
    ('Хостинский'),
    ('Адлерский'),
    ('Лазаревский'),
    ('Сириус'),
    ('Красная Поляна');

-- +downgrade
DROP TABLE apartments.districts;
DROP SCHEMA apartments;
