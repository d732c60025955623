-- Enums, domains, ranges and composite types (the row types of tables and the array types are not
-- objects of their own).
SELECT t.oid, n.nspname AS schema, t.typname AS name, t.typtype, t.typarray, pg_get_userbyid(t.typowner) AS owner,
       ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS basetype,
       t.typnotnull, pg_get_expr(t.typdefaultbin, 0) AS default_expr,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation THEN t.typcollation::regcollation::text END
         AS collation,
       format_type(r.rngsubtype, NULL) AS subtype,
       (SELECT quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) FROM pg_opclass oc
          JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = r.rngsubopc AND NOT oc.opcdefault)
         AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN r.rngcollation::regcollation::text END
         AS range_collation,
       NULLIF(r.rngcanonical, 0)::regproc::text AS canonical, NULLIF(r.rngsubdiff, 0)::regproc::text AS subdiff,
       format_type(r.rngmultitypid, NULL) AS multirange, r.rngmultitypid AS multirange_oid,
       t.typrelid,
       obj_description(t.oid, 'pg_type') AS comment,
       $ACL(t.typacl, 'T', t.typowner) AS acl
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
  LEFT JOIN pg_range r ON r.rngtypid = t.oid
  LEFT JOIN pg_type st ON st.oid = r.rngsubtype
 WHERE t.typtype IN ('e', 'd', 'r') AND $USER(n) AND $NOEXT(pg_type, t.oid)
