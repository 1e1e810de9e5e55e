/**
 * Stand-in for `apps/node-agent --runtime simulated` while that agent is being written:
 * registers N Ready nodes in bulk, then reports every pod bound to one of them Running
 * and Ready in batches (patchPodsStatus, ≤ 500 pods per 100 ms), as a kwok-style agent
 * would. Args: <apiUrl> <token> <nodes> <prefix>.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, nodesArg, prefix = 'sim-node-'] = process.argv.slice(2);
const NODES = Number(nodesArg);
const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
};
const stamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

const node = (i: number) => ({
  metadata: { name: `${prefix}${i}`, labels: { 'kubernetes.io/hostname': `${prefix}${i}`, type: 'simulated' } },
  spec: {},
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'simulated', lastHeartbeatTime: stamp(), lastTransitionTime: stamp() }],
  },
});
for (let i = 0; i < NODES; i += 100) {
  await gql(`mutation($inputs: [NodeInput!]!) { createNodes(inputs: $inputs) { metadata { name } } }`, {
    inputs: Array.from({ length: Math.min(100, NODES - i) }, (_, j) => node(i + j)),
  });
}
const ours = new Set(Array.from({ length: NODES }, (_, i) => `${prefix}${i}`));

let batch: { namespace: string; name: string; patch: object }[] = [];
let timer: NodeJS.Timeout | undefined;
const reported = new Set<string>();
const flush = () => {
  timer = undefined;
  const items = batch;
  batch = [];
  gql(`mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name } } }`, { items }).catch((e) => {
    process.stderr.write(`[fake-agent] status batch: ${e}\n`);
    for (const item of items) reported.delete(`${item.namespace}/${item.name}`);
  });
};
const ws = createClient({ url: url!.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
ws.subscribe<{
  watchPods: { type: string; object: { metadata: { name: string; namespace: string }; spec: { nodeName: string | null }; status: { phase: string | null } | null } };
}>(
  { query: `subscription { watchPods { type object { metadata { name namespace } spec { nodeName } status { phase } } } }` },
  {
    next: ({ data }) => {
      const event = data?.watchPods;
      if (!event || event.type === 'DELETED') return;
      const { metadata, spec, status } = event.object;
      const key = `${metadata.namespace}/${metadata.name}`;
      if (!spec.nodeName || !ours.has(spec.nodeName) || status?.phase === 'Running' || reported.has(key)) return;
      reported.add(key);
      const now = stamp();
      batch.push({
        namespace: metadata.namespace,
        name: metadata.name,
        patch: {
          status: {
            phase: 'Running',
            hostIP: '127.0.0.1',
            startTime: now,
            conditions: [
              { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
              { type: 'Initialized', status: 'True', lastTransitionTime: now },
              { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
              { type: 'Ready', status: 'True', lastTransitionTime: now },
            ],
          },
        },
      });
      if (batch.length >= 500) {
        clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, 100);
    },
    error: (e) => process.stderr.write(`[fake-agent] watch: ${JSON.stringify(e)}\n`),
    complete: () => {},
  },
);
process.stderr.write(`[fake-agent] ${NODES} nodes registered\n`);
process.on('SIGTERM', () => {
  void ws.dispose();
  process.exit(0);
});
