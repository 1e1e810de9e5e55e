import type { Client } from 'graphql-ws';

const WATCH = `subscription { watchPods { type object { metadata { name namespace deletionTimestamp } status { phase } } } }`;
const READY = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPodStatus(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`;
const CONFIRM_DELETE = `mutation($ns: String, $name: String!) { deletePod(namespace: $ns, name: $name, gracePeriodSeconds: 0) { metadata { name } } }`;

/**
 * Plays the kubelet until node agents exist (issue 3): every new pod becomes Running
 * and Ready at once (or never, while `ready` says no), through the real API.
 */
export function startTestKubelet(
  ws: Client,
  gql: (query: string, variables?: Record<string, unknown>) => Promise<unknown>,
  ready: (pod: { name: string; namespace: string }) => boolean = () => true,
  maxInFlight = 32,
) {
  let stopped = false;
  let inFlight = 0;
  const waiting: (() => Promise<unknown>)[] = [];
  // Bounded concurrency, so thousands of new pods do not open thousands of connections.
  const run = (task: () => Promise<unknown>) => {
    if (inFlight >= maxInFlight) return void waiting.push(task);
    inFlight++;
    void task()
      .catch(() => {})
      .finally(() => {
        inFlight--;
        const next = waiting.shift();
        if (next) run(next);
      });
  };
  let updated = 0;
  const unsubscribe = ws.subscribe<{ watchPods: { type: string; object: { metadata: { name: string; namespace: string; deletionTimestamp?: string | null }; status: { phase?: string | null } } } }>(
    { query: WATCH },
    {
      next: ({ data }) => {
        const event = data?.watchPods;
        if (!event || stopped || event.type === 'DELETED') return;
        const { metadata, status } = event.object;
        if (metadata.deletionTimestamp) {
          run(() => gql(CONFIRM_DELETE, { ns: metadata.namespace, name: metadata.name }));
          return;
        }
        if (status.phase === 'Running' || !ready(metadata)) return;
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        run(() => {
          updated++;
          return gql(READY, {
            ns: metadata.namespace,
            name: metadata.name,
            patch: { status: { phase: 'Running', startTime: now, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }, { type: 'ContainersReady', status: 'True', lastTransitionTime: now }] } },
          });
        });
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    /** Status writes made so far (the benchmark subtracts them from the API's call count). */
    get statusWrites() {
      return updated;
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
