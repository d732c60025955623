-- revision: a1a1a1a1a1a1
-- down_revision: none
-- message: users and the updated_at trigger function
-- created: 2026-01-01T10:00:00Z

-- +upgrade
CREATE TABLE users (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();  -- a ; inside the body does not split it
  RETURN NEW;
END;
$$;

CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- +downgrade
DROP TRIGGER users_updated_at ON users;
DROP FUNCTION set_updated_at();
DROP TABLE users;
