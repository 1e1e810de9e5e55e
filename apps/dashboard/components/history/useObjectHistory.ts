'use client';
import { useEffect, useState } from 'react';
import { useDashboard } from '@/app/providers.tsx';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { problemOf } from '@/lib/graphql/client.ts';
import type { KindDef } from '@/lib/kinds/kind.ts';
import type { ObjectRevision } from '@/lib/history/revisions.ts';
import type { ApiProblem, KubeObject } from '@/lib/live/types.ts';

const HISTORY = `query ObjectHistory($kind: String!, $namespace: String, $name: String!) {
  history(kind: $kind, namespace: $namespace, name: $name) { revision type timestamp actor uid object }
}`;

/**
 * An object's revisions from the change log, read again whenever the object's watch
 * reports a change (or its deletion), so the history grows live.
 */
export function useObjectHistory(kind: KindDef, namespace: string | undefined, name: string) {
  const { client } = useDashboard();
  const live = useLiveList<KubeObject>(kind, { namespace, fieldSelector: `metadata.name=${name}`, selection: 'metadata { name namespace uid resourceVersion }' });
  const version = live.phase === 'loading' ? undefined : (live.items[0]?.metadata.resourceVersion ?? 'absent');
  const [revisions, setRevisions] = useState<ObjectRevision[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    void client
      .query(HISTORY, { kind: kind.kind, namespace, name }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        if (result.error) setProblem(problemOf(result.error));
        else {
          setProblem(undefined);
          setRevisions(result.data.history as ObjectRevision[]);
        }
      });
    return () => {
      current = false;
    };
  }, [client, kind, namespace, name, version]);
  return { revisions, problem, phase: live.phase };
}
