-- revision: f27117b34513
-- down_revision: 8d9471eea949
-- message: favorites
-- created: 2026-11-25T19:20:00Z

-- +upgrade
CREATE TABLE apartments.favorites (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    apartment_id bigint NOT NULL REFERENCES apartments.apartments (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT favorites_user_id_apartment_id_key UNIQUE (user_id, apartment_id)
);

COMMENT ON TABLE apartments.favorites IS 'EasySochi: apartments a user has saved';

-- user_id leads favorites_user_id_apartment_id_key; apartment_id needs its own index.
CREATE INDEX favorites_apartment_id_idx ON apartments.favorites (apartment_id);

-- +downgrade
DROP TABLE apartments.favorites;
