-- Schemas: one row each, with comment and privileges.
SELECT n.oid, n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner,
       obj_description(n.oid, 'pg_namespace') AS comment,
       $ACL(n.nspacl, 'n', n.nspowner) AS acl
  FROM pg_namespace n
 WHERE $USER(n) AND $NOEXT(pg_namespace, n.oid)
