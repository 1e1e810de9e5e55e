import type { Client } from 'graphql-ws';

const WATCH = `subscription { watchPods { type object { metadata { name namespace deletionTimestamp } status { phase } } } }`;
const READY = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPodStatus(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`;
const CONFIRM_DELETE = `mutation($ns: String, $name: String!) { deletePod(namespace: $ns, name: $name, gracePeriodSeconds: 0) { metadata { name } } }`;

/**
 * Plays the kubelet until node agents exist (issue 3): every new pod becomes Running
 * and Ready at once (or never, while `ready` says no), through the real API.
 */
export function startTestKubelet(ws: Client, gql: (query: string, variables?: Record<string, unknown>) => Promise<unknown>, ready: (pod: { name: string; namespace: string }) => boolean = () => true) {
  let stopped = false;
  const unsubscribe = ws.subscribe<{ watchPods: { type: string; object: { metadata: { name: string; namespace: string; deletionTimestamp?: string | null }; status: { phase?: string | null } } } }>(
    { query: WATCH },
    {
      next: ({ data }) => {
        const event = data?.watchPods;
        if (!event || stopped || event.type === 'DELETED') return;
        const { metadata, status } = event.object;
        if (metadata.deletionTimestamp) {
          void gql(CONFIRM_DELETE, { ns: metadata.namespace, name: metadata.name }).catch(() => {});
          return;
        }
        if (status.phase === 'Running' || !ready(metadata)) return;
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        void gql(READY, {
          ns: metadata.namespace,
          name: metadata.name,
          patch: { status: { phase: 'Running', startTime: now, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }, { type: 'ContainersReady', status: 'True', lastTransitionTime: now }] } },
        }).catch(() => {});
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
