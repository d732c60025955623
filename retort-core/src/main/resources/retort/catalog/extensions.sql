-- Extensions: name, schema, version.
SELECT e.oid, e.extname AS name, n.nspname AS schema, e.extversion AS version, e.extrelocatable AS relocatable,
       obj_description(e.oid, 'pg_extension') AS comment
  FROM pg_extension e
  JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname <> 'plpgsql'
