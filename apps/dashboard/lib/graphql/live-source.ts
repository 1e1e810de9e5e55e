import { stripNulls } from '@wheelhouse/model';
import { onEnd, pipe, subscribe } from 'wonka';
import type { Client } from '@urql/core';
import { listDocument, watchDocument } from '../kinds/documents.ts';
import type { KindDef } from '../kinds/kind.ts';
import type { LiveListSource } from '../live/live-list.ts';
import type { KubeObject, WatchEvent } from '../live/types.ts';
import type { ConnectionStore } from './connection.ts';
import { problemOf } from './client.ts';

export interface ListVariables {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * A live list's list query and watch subscription, through urql. Objects lose GraphQL's nulls
 * here, so they read as Kubernetes JSON and match the model's types (absent, never null).
 */
export function urqlSource<T extends KubeObject>(client: Client, connection: ConnectionStore, kind: KindDef, variables: ListVariables, selection?: string): LiveListSource<T> {
  const vars = { ...variables, namespace: kind.namespaced ? variables.namespace || null : undefined };
  const listQuery = listDocument(kind, selection);
  const watchQuery = watchDocument(kind, selection);
  return {
    async list(page) {
      const result = await client.query(listQuery, { ...vars, limit: page?.limit, continue: page?.continue }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) throw problemOf(result.error);
      const list = result.data.result as { metadata: { resourceVersion: string; continue?: string | null }; items: T[] };
      return { items: list.items.map(stripNulls), resourceVersion: list.metadata.resourceVersion, continue: list.metadata.continue ?? undefined };
    },
    watch(resourceVersion, sink) {
      const { unsubscribe } = pipe(
        client.subscription(watchQuery, { ...vars, resourceVersion, allowWatchBookmarks: true }),
        onEnd(() => sink.complete()),
        subscribe((result) => {
          if (result.error) sink.error(problemOf(result.error));
          else if (result.data?.result) {
            const event = result.data.result as WatchEvent<T>;
            sink.event({ ...event, object: stripNulls(event.object) });
          }
        }),
      );
      const stopOpen = connection.whenConnected(() => sink.open());
      return () => {
        stopOpen();
        unsubscribe();
      };
    },
  };
}
