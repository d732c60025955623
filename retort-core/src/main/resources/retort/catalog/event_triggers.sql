-- Event triggers.
SELECT e.oid, e.evtname AS name, e.evtevent, e.evtfoid::regprocedure::text AS function, e.evttags, e.evtenabled,
       obj_description(e.oid, 'pg_event_trigger') AS comment
  FROM pg_event_trigger e
 WHERE $NOEXT(pg_event_trigger, e.oid)
