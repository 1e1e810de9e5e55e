-- wh_commit: the one write path of the store, as one statement (one round trip).
-- Each element of `writes` is {table, op: create|update|delete, uid, expected,
-- columns, row, requireNamespace, log: {kind, namespace, name, type, object, prev}}.
-- It takes N revisions from the counter row (its row lock orders writers until commit,
-- so revisions become visible in commit order), then writes each row with
-- compare-and-swap on resourceVersion, appends the change log and NOTIFYs; creates of
-- namespaced objects need an open namespace. Any failure raises and rolls back
-- everything, the counter included, so revisions have no gaps. Errors: WH404 namespace missing, WH403 namespace
-- terminating, WH409 already exists, WH412 stale resourceVersion (or gone).
CREATE OR REPLACE FUNCTION wh_commit(writes jsonb, actor text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  n int := jsonb_array_length(writes);
  last bigint;
  rev bigint;
  w jsonb;
  terminating timestamptz;
  found_ns boolean;
  affected int;
  set_list text;
  select_list text;
BEGIN
  UPDATE "counters" SET "value" = "value" + n WHERE "name" = 'revision' RETURNING "value" INTO last;
  rev := last - n;

  FOR w IN SELECT value FROM jsonb_array_elements(writes) LOOP
    rev := rev + 1;
    -- Checked in order, so a namespace created earlier in the same batch counts.
    IF w->>'requireNamespace' IS NOT NULL THEN
      SELECT true, "deletionTimestamp" INTO found_ns, terminating FROM "namespaces" WHERE "namespace" = '' AND "name" = w->>'requireNamespace';
      IF found_ns IS NULL THEN
        RAISE EXCEPTION '%', w->>'requireNamespace' USING ERRCODE = 'WH404';
      ELSIF terminating IS NOT NULL THEN
        RAISE EXCEPTION '%', w->>'requireNamespace' USING ERRCODE = 'WH403';
      END IF;
      found_ns := NULL;
    END IF;
    IF w->>'op' = 'create' THEN
      EXECUTE format('INSERT INTO %1$I SELECT * FROM jsonb_populate_record(NULL::%1$I, $1) ON CONFLICT ("namespace", "name") DO NOTHING', w->>'table')
        USING (w->'row') || jsonb_build_object('resourceVersion', rev);
      GET DIAGNOSTICS affected = ROW_COUNT;
      IF affected = 0 THEN
        RAISE EXCEPTION '%', w->'log'->>'name' USING ERRCODE = 'WH409';
      END IF;
    ELSIF w->>'op' = 'update' THEN
      SELECT string_agg(quote_ident(c), ', '), string_agg('r.' || quote_ident(c), ', ')
        INTO set_list, select_list
        FROM jsonb_array_elements_text(w->'columns') AS c;
      EXECUTE format('UPDATE %1$I AS t SET (%2$s) = (SELECT %3$s FROM jsonb_populate_record(NULL::%1$I, $1) AS r) WHERE t."uid" = $2::uuid AND t."resourceVersion" = $3::bigint',
                     w->>'table', set_list || ', "resourceVersion"', select_list || ', r."resourceVersion"')
        USING (w->'row') || jsonb_build_object('resourceVersion', rev), w->>'uid', w->>'expected';
      GET DIAGNOSTICS affected = ROW_COUNT;
      IF affected = 0 THEN
        RAISE EXCEPTION '%', w->'log'->>'name' USING ERRCODE = 'WH412';
      END IF;
    ELSE
      EXECUTE format('DELETE FROM %I WHERE "uid" = $1::uuid AND "resourceVersion" = $2::bigint', w->>'table')
        USING w->>'uid', w->>'expected';
      GET DIAGNOSTICS affected = ROW_COUNT;
      IF affected = 0 THEN
        RAISE EXCEPTION '%', w->'log'->>'name' USING ERRCODE = 'WH412';
      END IF;
    END IF;
    INSERT INTO "change_log" ("revision", "kind", "namespace", "name", "uid", "type", "object", "prev", "actor", "createdAt")
    VALUES (rev, w->'log'->>'kind', w->'log'->>'namespace', w->'log'->>'name', (w->>'uid')::uuid, w->'log'->>'type',
            jsonb_set(w->'log'->'object', '{metadata,resourceVersion}', to_jsonb(rev::text)),
            NULLIF(w->'log'->'prev', 'null'::jsonb), actor, clock_timestamp());
  END LOOP;

  PERFORM pg_notify('wheelhouse_changes', last::text);
  RETURN last;
END;
$$;
