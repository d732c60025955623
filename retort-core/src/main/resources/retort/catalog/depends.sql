-- Dependencies between user objects: a view's rule is lifted to the view, a column default to its
-- column, and a reference to a member of an extension (an operator class, a type) to the extension.
SELECT CASE WHEN d.classid IN ('pg_rewrite'::regclass, 'pg_attrdef'::regclass) THEN 'pg_class'
            ELSE d.classid::regclass::text END AS class,
       coalesce(r.ev_class, ad.adrelid, d.objid) AS objid,
       CASE WHEN ad.oid IS NOT NULL THEN ad.adnum WHEN r.oid IS NOT NULL THEN 0 ELSE d.objsubid END AS objsubid,
       CASE WHEN m.refobjid IS NOT NULL THEN 'pg_extension' ELSE d.refclassid::regclass::text END AS refclass,
       coalesce(m.refobjid, d.refobjid) AS refobjid,
       CASE WHEN m.refobjid IS NOT NULL THEN 0 ELSE d.refobjsubid END AS refobjsubid,
       d.deptype
  FROM pg_depend d
  LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
  LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
  LEFT JOIN pg_depend m ON m.classid = d.refclassid AND m.objid = d.refobjid AND m.deptype = 'e'
 WHERE d.objid >= 16384 AND d.refobjid >= 16384 AND d.deptype IN ('n', 'a', 'i')
   AND d.classid IN ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass, 'pg_constraint'::regclass,
                     'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_rewrite'::regclass, 'pg_attrdef'::regclass,
                     'pg_collation'::regclass, 'pg_event_trigger'::regclass, 'pg_namespace'::regclass)
   AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = d.classid AND e.objid = d.objid AND e.deptype = 'e')
