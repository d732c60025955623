-- Columns of tables, views, materialized views, composite types and foreign tables, in order.
SELECT a.attrelid, a.attnum, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS default_expr,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       a.attidentity,
       CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END AS collation,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
       CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
       NULLIF(a.attstattarget, -1) AS stattarget,
       a.attoptions, a.attislocal,
       col_description(a.attrelid, a.attnum) AS comment,
       $ACL(a.attacl, 'c', c.relowner) AS acl
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
 WHERE a.attnum > 0 AND NOT a.attisdropped
   AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f') AND $USER(n) AND $NOEXT(pg_class, c.oid)
 ORDER BY a.attrelid, a.attnum
