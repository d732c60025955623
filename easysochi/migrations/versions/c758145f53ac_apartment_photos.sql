-- revision: c758145f53ac
-- down_revision: e6092c2f5b11
-- message: apartment photos
-- created: 2026-11-25T19:15:00Z

-- +upgrade
CREATE TABLE apartments.photos (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    apartment_id bigint NOT NULL REFERENCES apartments.apartments (id) ON DELETE CASCADE,
    file_id      text NOT NULL,
    position     smallint NOT NULL DEFAULT 0 CHECK (position >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- also serves the foreign key: apartment_id is its leading column
    CONSTRAINT photos_apartment_id_position_key UNIQUE (apartment_id, position)
);

COMMENT ON TABLE apartments.photos IS 'EasySochi: Telegram photo file_ids of an apartment; lowest position is the cover';
COMMENT ON COLUMN apartments.photos.file_id IS 'Telegram file_id of the photo';

-- +downgrade
DROP TABLE apartments.photos;
