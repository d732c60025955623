-- revision: 84186f2f9399
-- down_revision: aeacb5c549e9
-- message: updated_at trigger function
-- created: 2026-11-25T19:11:00Z

-- +upgrade
CREATE FUNCTION public.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION public.set_updated_at() IS
    'EasySochi: BEFORE UPDATE trigger that stamps updated_at with the transaction time';

-- +downgrade
DROP FUNCTION public.set_updated_at();
