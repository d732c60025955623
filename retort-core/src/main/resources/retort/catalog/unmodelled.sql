-- Objects of kinds Retort does not model yet, so that they are reported rather than ignored.
SELECT 'cast' AS kind, format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) AS name
  FROM pg_cast c WHERE c.oid >= 16384 AND $NOEXT(pg_cast, c.oid)
UNION ALL
SELECT 'operator', o.oid::regoperator::text FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
 WHERE $USER(n) AND $NOEXT(pg_operator, o.oid)
UNION ALL
SELECT 'operator class', n.nspname || '.' || o.opcname FROM pg_opclass o JOIN pg_namespace n ON n.oid = o.opcnamespace
 WHERE $USER(n) AND $NOEXT(pg_opclass, o.oid)
UNION ALL
SELECT 'operator family', n.nspname || '.' || o.opfname FROM pg_opfamily o JOIN pg_namespace n ON n.oid = o.opfnamespace
 WHERE $USER(n) AND $NOEXT(pg_opfamily, o.oid)
UNION ALL
SELECT 'text search configuration', n.nspname || '.' || t.cfgname FROM pg_ts_config t
  JOIN pg_namespace n ON n.oid = t.cfgnamespace WHERE $USER(n) AND $NOEXT(pg_ts_config, t.oid)
UNION ALL
SELECT 'text search dictionary', n.nspname || '.' || t.dictname FROM pg_ts_dict t
  JOIN pg_namespace n ON n.oid = t.dictnamespace WHERE $USER(n) AND $NOEXT(pg_ts_dict, t.oid)
UNION ALL
SELECT 'statistics object', n.nspname || '.' || s.stxname FROM pg_statistic_ext s
  JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE $USER(n) AND $NOEXT(pg_statistic_ext, s.oid)
UNION ALL
SELECT 'conversion', n.nspname || '.' || c.conname FROM pg_conversion c
  JOIN pg_namespace n ON n.oid = c.connamespace WHERE $USER(n) AND $NOEXT(pg_conversion, c.oid)
UNION ALL
SELECT 'rule', r.rulename || ' on ' || r.ev_class::regclass::text FROM pg_rewrite r
  JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE r.rulename <> '_RETURN' AND $USER(n) AND $NOEXT(pg_class, c.oid)
UNION ALL
SELECT 'publication', p.pubname FROM pg_publication p
UNION ALL
SELECT 'foreign data wrapper', w.fdwname FROM pg_foreign_data_wrapper w WHERE $NOEXT(pg_foreign_data_wrapper, w.oid)
UNION ALL
SELECT 'foreign server', s.srvname FROM pg_foreign_server s WHERE $NOEXT(pg_foreign_server, s.oid)
UNION ALL
SELECT 'language', l.lanname FROM pg_language l WHERE l.oid >= 16384 AND $NOEXT(pg_language, l.oid)
UNION ALL
SELECT 'access method', a.amname FROM pg_am a WHERE a.oid >= 16384 AND $NOEXT(pg_am, a.oid)
UNION ALL
SELECT 'transform', format_type(t.trftype, NULL) || ' for ' || l.lanname FROM pg_transform t
  JOIN pg_language l ON l.oid = t.trflang WHERE $NOEXT(pg_transform, t.oid)
