CREATE TABLE public.team (id int PRIMARY KEY);
CREATE TABLE public.users (id int PRIMARY KEY, email text NOT NULL, team int, CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_team_fkey FOREIGN KEY (team) REFERENCES public.team (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT users_email_check CHECK (email <> ''));
CREATE INDEX users_team_idx ON public.users (team);
