'use client';
import { useEffect, useState } from 'react';
import { useDashboard } from '@/app/providers.tsx';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { problemOf } from '@/lib/graphql/client.ts';
import type { KindDef } from '@/lib/kinds/kind.ts';
import { mergeRevisions, type ObjectRevision } from '@/lib/history/revisions.ts';
import type { ApiProblem, KubeObject } from '@/lib/live/types.ts';

const HISTORY = `query ObjectHistory($kind: String!, $namespace: String, $name: String!, $after: String) {
  history(kind: $kind, namespace: $namespace, name: $name, after: $after) { revision type timestamp actor uid object }
}`;

/**
 * An object's revisions from the change log; whenever the object's watch reports a
 * change (or its deletion), the revisions after the last one known are read and
 * appended, so the history grows live without reading it all again.
 */
export function useObjectHistory(kind: KindDef, namespace: string | undefined, name: string) {
  const { client } = useDashboard();
  const live = useLiveList<KubeObject>(kind, { namespace, fieldSelector: `metadata.name=${name}`, selection: 'metadata { name namespace uid resourceVersion }' });
  const version = live.phase === 'loading' ? undefined : (live.items[0]?.metadata.resourceVersion ?? 'absent');
  const [revisions, setRevisions] = useState<ObjectRevision[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const last = revisions?.at(-1)?.revision;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `last` is left out on purpose (see below).
  useEffect(() => {
    if (version === undefined || (last !== undefined && version !== 'absent' && BigInt(version) <= BigInt(last))) return;
    let current = true;
    void client
      .query(HISTORY, { kind: kind.kind, namespace, name, after: last ?? null }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        if (result.error) setProblem(problemOf(result.error));
        else {
          setProblem(undefined);
          setRevisions((known) => mergeRevisions(known ?? [], result.data.history as ObjectRevision[]));
        }
      });
    return () => {
      current = false;
    };
    // `last` is left out on purpose: a read that appends must not trigger another read.
    // (Pages key this view by object, so another object starts from a fresh state.)
  }, [client, kind, namespace, name, version]);
  return { revisions, problem, phase: live.phase };
}
