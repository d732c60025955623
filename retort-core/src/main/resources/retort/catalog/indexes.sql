-- Indexes, with the constraint that owns one (primary key, unique, exclusion) and whether it is a
-- partition's index attached to its parent's.
SELECT i.indexrelid AS oid, ic.relname AS name, n.nspname AS schema, i.indrelid,
       pg_get_indexdef(i.indexrelid) AS definition, i.indisunique, i.indisvalid,
       (SELECT con.oid FROM pg_constraint con
         WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) AS conoid,
       EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) AS attached,
       obj_description(i.indexrelid, 'pg_class') AS comment
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE $USER(n) AND $NOEXT(pg_class, c.oid)
