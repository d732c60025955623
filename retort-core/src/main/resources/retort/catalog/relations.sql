-- Tables, views, materialized views, sequences, composite types and foreign tables.
SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind, c.relpersistence, pg_get_userbyid(c.relowner) AS owner,
       c.relrowsecurity, c.relforcerowsecurity, c.reloptions, c.relreplident,
       (SELECT ri.relname FROM pg_index i JOIN pg_class ri ON ri.oid = i.indexrelid
         WHERE i.indrelid = c.oid AND i.indisreplident) AS replident_index,
       c.reltype, t.typarray,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partkey,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partbound,
       ARRAY(SELECT i.inhparent FROM pg_inherits i WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parents,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS viewdef,
       format_type(s.seqtypid, NULL) AS seqtype, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       o.refobjid AS owner_rel, o.refobjsubid AS owner_col, o.deptype AS owner_deptype,
       CASE WHEN c.relkind = 'c' THEN obj_description(c.reltype, 'pg_type') ELSE obj_description(c.oid, 'pg_class') END
         AS comment,
       CASE WHEN c.relkind = 'c' THEN $ACL(t.typacl, 'T', t.typowner)
            WHEN c.relkind = 'S' THEN $ACL(c.relacl, 's', c.relowner)
            ELSE $ACL(c.relacl, 'r', c.relowner) END AS acl
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_type t ON t.oid = c.reltype
  LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
  LEFT JOIN pg_depend o ON c.relkind = 'S' AND o.classid = 'pg_class'::regclass AND o.objid = c.oid
       AND o.refclassid = 'pg_class'::regclass AND o.deptype IN ('a', 'i')
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f') AND $USER(n) AND $NOEXT(pg_class, c.oid)
