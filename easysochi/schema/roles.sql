-- The application's roles. Roles belong to the whole cluster: the migrations create them only where
-- missing, and drop them only when no other database still uses them.

CREATE ROLE easysochi_app NOLOGIN;        -- the bot: reads and writes the data, owns nothing
CREATE ROLE easysochi_readonly NOLOGIN;   -- reporting: the two views only
