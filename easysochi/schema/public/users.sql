CREATE TYPE public.user_role AS ENUM ('guest', 'owner', 'admin');

CREATE TABLE public.users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    telegram_id   bigint NOT NULL,
    username      text,
    first_name    text,
    last_name     text,
    language_code text,
    phone         text,
    role          public.user_role NOT NULL DEFAULT 'guest',
    is_blocked    boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_telegram_id_key UNIQUE (telegram_id)
);

COMMENT ON TABLE public.users IS 'EasySochi: Telegram users (guests, owners, admins)';

CREATE TRIGGER users_set_updated_at
    BEFORE UPDATE ON public.users
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- Conversation state of the bot, one row per Telegram chat.
CREATE TABLE public.bot_sessions (
    chat_id    bigint PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    state      jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE public.bot_sessions IS 'EasySochi: conversation state of the bot per Telegram chat';

CREATE INDEX bot_sessions_user_id_idx ON public.bot_sessions (user_id);

CREATE TRIGGER bot_sessions_set_updated_at
    BEFORE UPDATE ON public.bot_sessions
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
