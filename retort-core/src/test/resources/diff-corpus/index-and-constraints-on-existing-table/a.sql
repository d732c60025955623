CREATE TABLE public.users (id int PRIMARY KEY, email text, team int);
CREATE TABLE public.team (id int PRIMARY KEY);
