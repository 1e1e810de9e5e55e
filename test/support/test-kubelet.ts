import type { Client } from 'graphql-ws';

const WATCH = `subscription { watchPods { type object { metadata { name namespace deletionTimestamp } status { phase } } } }`;
const READY = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPodStatus(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`;
const READY_MANY = `mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name } } }`;
const CONFIRM_DELETE = `mutation($ns: String, $name: String!) { deletePod(namespace: $ns, name: $name, gracePeriodSeconds: 0) { metadata { name } } }`;

/**
 * A stand-in for the kubelet, kept for isolating controllers: every new pod becomes
 * Running and Ready at once (or never, while `ready` says no), bound to a node or not, and
 * deletions are confirmed at once, through the real API. Tests about the cluster use the
 * simulated node agent instead (simulated-cluster.ts); tests using this name it in their
 * titles, and bench:controllers says so in its output.
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
  // Pods to mark ready, sent in batches (one commit each) as a node agent would report.
  let batch: { namespace: string; name: string; patch: object }[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const flush = () => {
    flushTimer = undefined;
    const items = batch;
    batch = [];
    run(async () => {
      updated += items.length;
      try {
        await gql(READY_MANY, { items });
      } catch {
        // One pod of the batch is gone: report the others one by one.
        for (const item of items) await gql(READY, { ns: item.namespace, name: item.name, patch: item.patch }).catch(() => {});
      }
    });
  };
  const unsubscribe = ws.subscribe<{
    watchPods: { type: string; object: { metadata: { name: string; namespace: string; deletionTimestamp?: string | null }; status: { phase?: string | null } } };
  }>(
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
        batch.push({
          namespace: metadata.namespace,
          name: metadata.name,
          patch: {
            status: {
              phase: 'Running',
              startTime: now,
              conditions: [
                { type: 'Ready', status: 'True', lastTransitionTime: now },
                { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
              ],
            },
          },
        });
        if (batch.length >= 200) flush();
        else flushTimer ??= setTimeout(flush, 20);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    /** Pods reported ready so far. */
    get statusWrites() {
      return updated;
    },
    stop() {
      stopped = true;
      clearTimeout(flushTimer);
      unsubscribe();
    },
  };
}
