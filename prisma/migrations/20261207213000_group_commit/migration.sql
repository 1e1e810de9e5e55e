-- wh_commit_group: several independent commits (each a wh_commit batch with its actor)
-- in one transaction, so concurrent writers share one WAL flush and one hold of the
-- revision-counter row lock instead of queueing on it one flush each. Each group runs in
-- its own subtransaction: one that fails (stale resourceVersion, already exists, a
-- taken allocation ...) rolls back alone, the counter included, so the revisions of the
-- groups that commit stay gap-free and in order. Returns one element per group:
-- {"last": "<revision>"} or {"code": "<SQLSTATE>", "message": "..."}.
CREATE OR REPLACE FUNCTION wh_commit_group(groups jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  g jsonb;
  last bigint;
  results jsonb := '[]'::jsonb;
BEGIN
  FOR g IN SELECT value FROM jsonb_array_elements(groups) LOOP
    BEGIN
      last := wh_commit(g->'writes', g->>'actor');
      results := results || jsonb_build_array(jsonb_build_object('last', last::text));
    EXCEPTION WHEN OTHERS THEN
      results := results || jsonb_build_array(jsonb_build_object('code', SQLSTATE, 'message', SQLERRM));
    END;
  END LOOP;
  RETURN results;
END;
$$;
