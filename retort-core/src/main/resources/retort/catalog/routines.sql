-- Functions, procedures and aggregates; identity is the argument types (for a procedure, all of them).
SELECT p.oid, n.nspname AS schema, p.proname AS name, p.prokind, pg_get_userbyid(p.proowner) AS owner,
       CASE WHEN p.prokind = 'p' AND p.proallargtypes IS NOT NULL
            THEN array_to_string(ARRAY(SELECT format_type(x.t, NULL)
                   FROM unnest(p.proallargtypes) WITH ORDINALITY x(t, i) ORDER BY x.i), ', ')
            ELSE oidvectortypes(p.proargtypes) END AS argtypes,
       pg_get_function_identity_arguments(p.oid) AS signature,
       CASE WHEN p.prokind = 'a' THEN
              'SFUNC = ' || a.aggtransfn::regproc::text || ', STYPE = ' || format_type(a.aggtranstype, NULL)
              || coalesce(', FINALFUNC = ' || NULLIF(a.aggfinalfn, 0)::regproc::text, '')
              || coalesce(', COMBINEFUNC = ' || NULLIF(a.aggcombinefn, 0)::regproc::text, '')
              || coalesce(', INITCOND = ' || quote_literal(a.agginitval), '')
              || coalesce(', SORTOP = ' || NULLIF(a.aggsortop, 0)::regoperator::text, '')
              || CASE a.aggkind WHEN 'n' THEN '' ELSE ', KIND = ' || a.aggkind::text END
            ELSE pg_get_functiondef(p.oid) END AS definition,
       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,
       pg_get_function_arguments(p.oid) AS arguments,
       l.lanname AS language,
       obj_description(p.oid, 'pg_proc') AS comment,
       $ACL(p.proacl, 'f', p.proowner) AS acl
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_language l ON l.oid = p.prolang
  LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
 WHERE $USER(n) AND $NOEXT(pg_proc, p.oid)
