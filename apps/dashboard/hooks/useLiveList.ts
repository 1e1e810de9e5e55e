'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useDashboard } from '@/app/providers.tsx';
import { LiveList, type LiveSnapshot } from '@/lib/live/live-list.ts';
import type { KubeObject } from '@/lib/live/types.ts';
import type { KindDef } from '@/lib/kinds/kind.ts';
import { urqlSource, type ListVariables } from '@/lib/graphql/live-source.ts';

const LOADING: LiveSnapshot<never> = { phase: 'loading', items: [] };
const noSubscription = () => () => {};

/** A kind's objects, listed then watched: re-renders as the cluster changes. */
export function useLiveList<T extends KubeObject>(kind: KindDef, variables: ListVariables & { selection?: string; enabled?: boolean }): LiveSnapshot<T> {
  const { client, connection } = useDashboard();
  const [list, setList] = useState<LiveList<T> | null>(null);
  const { namespace, labelSelector, fieldSelector, selection, enabled = true } = variables;
  useEffect(() => {
    if (!enabled) return setList(null);
    const live = new LiveList<T>(urqlSource<T>(client, connection, kind, { namespace, labelSelector, fieldSelector }, selection));
    live.start();
    setList(live);
    return () => live.stop();
  }, [client, connection, kind, namespace, labelSelector, fieldSelector, selection, enabled]);
  return useSyncExternalStore(list?.subscribe ?? noSubscription, list?.getSnapshot ?? (() => LOADING), () => LOADING) as LiveSnapshot<T>;
}
