import type { AnyObject, Pod } from '../kinds/objects.ts';
import type { Tone } from '../kinds/kind.ts';
import { podTone } from '../kinds/pod.ts';
import { workloadTone } from '../kinds/workload.ts';
import type { TopologyInput } from './build-graph.ts';

/** Above this many objects (Deployments, ReplicaSets, Pods) the map shows groups, expanded on demand. */
export const DETAIL_LIMIT = 300;

// Regrouping runs on every watch batch; pods the batch did not replace keep their tone.
const tones = new WeakMap<Pod, Tone>();
function cachedTone(pod: Pod): Tone {
  const cached = tones.get(pod);
  if (cached) return cached;
  const tone = podTone(pod);
  tones.set(pod, tone);
  return tone;
}

export type GroupBy = 'namespace' | 'owner' | 'node';

/** A group of the map: counts and health of what it holds, and what opening it shows. */
export interface TopologyGroup {
  id: string;
  by: GroupBy;
  /** The namespace, `Deployment scale/web`, or the node name. */
  label: string;
  /** namespace: the namespace to show; owner and node: the object to focus. */
  open: { namespace: string } | { focus: string };
  deployments: number;
  pods: number;
  /** Pods whose tone is green (Running and ready) or gray (finished). */
  healthyPods: number;
  /** Pods red (failed, crash-looping) or workloads degraded. */
  failing: number;
  tone: Tone;
}

/** `Kind/namespace/name`, the URL form of a focused object (cluster-scoped: `Node//name`). */
export const focusKey = (kind: string, o: AnyObject) => `${kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

const controllerOf = (o: AnyObject) => o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];

/** Total objects the detailed map would draw. */
export const objectCount = (input: TopologyInput) => input.deployments.length + input.replicaSets.length + input.pods.length;

/**
 * The map's groups: by namespace, by owning workload (a pod's top owner: its ReplicaSet's
 * Deployment, else the ReplicaSet, else the pod alone under "no owner"), or by node. The
 * unhealthy come first, then the largest, then by label.
 */
export function groupTopology(input: TopologyInput, by: GroupBy): TopologyGroup[] {
  const groups = new Map<string, TopologyGroup>();
  const group = (id: string, label: string, open: TopologyGroup['open']) => {
    const found = groups.get(id);
    if (found) return found;
    const g: TopologyGroup = { id, by, label, open, deployments: 0, pods: 0, healthyPods: 0, failing: 0, tone: 'green' };
    groups.set(id, g);
    return g;
  };
  const rsByUid = new Map(input.replicaSets.map((r) => [r.metadata.uid, r]));
  const deploymentByUid = new Map(input.deployments.map((d) => [d.metadata.uid, d]));
  const podGroup = (pod: Pod): TopologyGroup | undefined => {
    if (by === 'namespace') return group(`ns/${pod.metadata.namespace}`, pod.metadata.namespace ?? '', { namespace: pod.metadata.namespace ?? '' });
    if (by === 'node') {
      const node = pod.spec?.nodeName;
      return node ? group(`node/${node}`, node, { focus: `Node//${node}` }) : group('node/', 'not scheduled', { namespace: '' });
    }
    const ref = controllerOf(pod);
    const rs = ref ? rsByUid.get(ref.uid) : undefined;
    const rsOwner = rs ? controllerOf(rs) : undefined;
    const deployment = rsOwner ? deploymentByUid.get(rsOwner.uid) : undefined;
    if (deployment)
      return group(`owner/${deployment.metadata.uid}`, `Deployment ${deployment.metadata.namespace}/${deployment.metadata.name}`, { focus: focusKey('Deployment', deployment) });
    if (rs) return group(`owner/${rs.metadata.uid}`, `ReplicaSet ${rs.metadata.namespace}/${rs.metadata.name}`, { focus: focusKey('ReplicaSet', rs) });
    return group('owner/', 'Pods without a known owner', { namespace: pod.metadata.namespace ?? '' });
  };
  for (const pod of input.pods) {
    const g = podGroup(pod);
    if (!g) continue;
    g.pods++;
    const tone = cachedTone(pod);
    if (tone === 'green' || tone === 'gray') g.healthyPods++;
    if (tone === 'red') g.failing++;
  }
  for (const d of input.deployments) {
    const g =
      by === 'namespace'
        ? group(`ns/${d.metadata.namespace}`, d.metadata.namespace ?? '', { namespace: d.metadata.namespace ?? '' })
        : by === 'owner'
          ? group(`owner/${d.metadata.uid}`, `Deployment ${d.metadata.namespace}/${d.metadata.name}`, { focus: focusKey('Deployment', d) })
          : undefined;
    if (!g) continue;
    g.deployments++;
    if (workloadTone(d) === 'red') g.failing++;
  }
  for (const g of groups.values()) g.tone = g.failing > 0 ? 'red' : g.healthyPods < g.pods ? 'yellow' : 'green';
  const rank = (g: TopologyGroup) => (g.tone === 'red' ? 0 : g.tone === 'yellow' ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.pods - a.pods || a.label.localeCompare(b.label));
}
