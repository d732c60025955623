-- Constraints of tables (not inherited ones) and of domains; NOT NULL lives on the column.
SELECT con.oid, con.conname AS name, con.contype, con.conrelid, con.contypid, con.conindid,
       pg_get_constraintdef(con.oid, true) AS definition,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN pg_get_indexdef(con.conindid) END AS indexdef,
       con.convalidated, con.condeferrable, con.condeferred,
       obj_description(con.oid, 'pg_constraint') AS comment
  FROM pg_constraint con
  LEFT JOIN pg_class c ON c.oid = con.conrelid
  LEFT JOIN pg_type ty ON ty.oid = con.contypid
  JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, ty.typnamespace)
 WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND (con.conrelid = 0 OR con.conislocal)
   AND $USER(n)
   AND (c.oid IS NULL OR $NOEXT(pg_class, c.oid)) AND (ty.oid IS NULL OR $NOEXT(pg_type, ty.oid))
