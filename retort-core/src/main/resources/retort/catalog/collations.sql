-- Collations a user created.
SELECT co.oid, n.nspname AS schema, co.collname AS name, co.collprovider, co.collisdeterministic,
       co.collcollate, co.collctype,
       coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale') AS locale,
       obj_description(co.oid, 'pg_collation') AS comment
  FROM pg_collation co
  JOIN pg_namespace n ON n.oid = co.collnamespace
 WHERE $USER(n) AND $NOEXT(pg_collation, co.oid)
