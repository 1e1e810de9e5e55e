import type { TestApi } from './api.js';

const CREATE_NODE = `mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`;
const CREATE_LEASE = `mutation($input: LeaseInput!) { createLease(namespace: "kube-node-lease", input: $input) { metadata { name } } }`;
const RENEW_LEASE = `mutation($name: String!, $patch: JSONObject!) { patchLease(namespace: "kube-node-lease", name: $name, patch: $patch) { metadata { name } } }`;
const NODE_STATUS = `mutation($name: String!, $patch: JSONObject!) { patchNodeStatus(name: $name, patch: $patch) { metadata { name } } }`;
const NODES = `query { nodes { items { metadata { name } status { conditions { type status } } } } }`;
const PODS = `query { pods { items { metadata { namespace name deletionTimestamp } spec { nodeName } status { phase } } } }`;
const POD_STATUS = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPodStatus(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`;
const CONFIRM_DELETE = `mutation($ns: String, $name: String!) { deletePod(namespace: $ns, name: $name, gracePeriodSeconds: 0) { metadata { name } } }`;

interface PodRow {
  metadata: { namespace: string; name: string; deletionTimestamp: string | null };
  spec: { nodeName: string | null };
  status: { phase: string | null } | null;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const readyCondition = () => ({
  type: 'Ready',
  status: 'True',
  reason: 'KubeletReady',
  message: 'kubelet is posting ready status',
  lastHeartbeatTime: now(),
  lastTransitionTime: now(),
});

/**
 * Nodes kept alive the way node agents keep theirs, through the real API: a Lease in
 * kube-node-lease renewed every `renewMs`, Ready posted at registration and whenever the
 * node does not say Ready, pods bound to them reported Running and Ready, their
 * deletions confirmed. `stop(node)` is a dead agent: its Lease, its pods and their
 * deletions are left alone.
 * A stand-in for node agents, kept to isolate the node lifecycle controller: the test
 * decides exactly when each node falls silent and comes back. Tests using it name it in
 * their titles; node-lifecycle-agents.test.ts runs the same story on real agents.
 */
export async function startHeartbeatNodes(api: TestApi, names: string[], options: { renewMs?: number; cpu?: string } = {}) {
  const alive = new Set<string>();
  let stopped = false;
  for (const name of names) {
    await api.ok(CREATE_NODE, {
      input: {
        metadata: { name, labels: { 'kubernetes.io/hostname': name } },
        status: { capacity: { cpu: options.cpu ?? '4', memory: '8Gi', pods: '20' }, conditions: [readyCondition()] },
      },
    });
    await api.ok(CREATE_LEASE, { input: { metadata: { name }, spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: new Date().toISOString() } } });
    alive.add(name);
  }

  const renew = async () => {
    for (const name of alive) await api.ok(RENEW_LEASE, { name, patch: { spec: { renewTime: new Date().toISOString() } } }).catch(() => {});
    // As a kubelet does: a live node whose Ready is not True (say the test process stalled
    // past the grace period) posts its status again.
    const { nodes } = await api.ok<{ nodes: { items: { metadata: { name: string }; status: { conditions: { type: string; status: string }[] | null } }[] } }>(NODES);
    for (const node of nodes.items) {
      if (!alive.has(node.metadata.name) || node.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      await api.ok(NODE_STATUS, { name: node.metadata.name, patch: { status: { conditions: [readyCondition()] } } }).catch(() => {});
    }
  };
  const syncPods = async () => {
    const { pods } = await api.ok<{ pods: { items: PodRow[] } }>(PODS);
    for (const pod of pods.items) {
      if (!pod.spec.nodeName || !alive.has(pod.spec.nodeName)) continue;
      const ref = { ns: pod.metadata.namespace, name: pod.metadata.name };
      if (pod.metadata.deletionTimestamp) await api.ok(CONFIRM_DELETE, ref).catch(() => {});
      else if (pod.status?.phase !== 'Running') {
        const t = now();
        const conditions = [
          { type: 'Ready', status: 'True', lastTransitionTime: t },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: t },
        ];
        await api.ok(POD_STATUS, { ...ref, patch: { status: { phase: 'Running', startTime: t, conditions } } }).catch(() => {});
      }
    }
  };
  // One pending timer per loop; each step finishes before the next is scheduled.
  const timers = new Map<string, NodeJS.Timeout>();
  const loop = (name: string, ms: number, step: () => Promise<void>) => {
    const tick = async () => {
      if (stopped) return;
      await step().catch(() => {});
      if (!stopped) timers.set(name, setTimeout(tick, ms));
    };
    void tick();
  };
  loop('leases', options.renewMs ?? 1000, renew);
  loop('pods', 300, syncPods);

  return {
    /** The agent of `name` dies: no more renewals, pod reports or deletion confirmations. */
    stop(name: string) {
      alive.delete(name);
    },
    /** It comes back: posts Ready with a fresh heartbeat and renews its Lease again. */
    async revive(name: string) {
      await api.ok(NODE_STATUS, { name, patch: { status: { conditions: [readyCondition()] } } });
      alive.add(name);
    },
    close() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}
