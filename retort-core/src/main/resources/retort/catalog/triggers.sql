-- Triggers a user created (not those of foreign keys, not the clones on partitions).
SELECT tg.oid, tg.tgrelid, tg.tgname AS name, pg_get_triggerdef(tg.oid, true) AS definition, tg.tgenabled,
       obj_description(tg.oid, 'pg_trigger') AS comment
  FROM pg_trigger tg
  JOIN pg_class c ON c.oid = tg.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND $USER(n) AND $NOEXT(pg_class, c.oid)
