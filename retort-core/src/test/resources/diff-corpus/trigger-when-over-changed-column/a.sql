CREATE TABLE public.acct (id int PRIMARY KEY, balance int);
CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER acct_audit AFTER UPDATE OF balance ON public.acct FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance) EXECUTE FUNCTION public.audit();
