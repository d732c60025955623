-- Roles of the server (not the built-in pg_ ones); which of them a side manages is decided by the caller.
SELECT r.oid, r.rolname AS name, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
       r.rolreplication, r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil::text AS validuntil,
       shobj_description(r.oid, 'pg_authid') AS comment
  FROM pg_roles r
 WHERE r.rolname !~ '^pg_'
