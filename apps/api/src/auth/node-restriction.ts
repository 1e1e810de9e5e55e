// The node authorizer and NodeRestriction admission (plugin/pkg/auth/authorizer/node and
// plugin/pkg/admission/noderestriction) for what a node's credential may write: its own
// Node, its own Lease, the status of pods bound to it, and their deletion and eviction.
// RBAC (the system:node role) decides the rest, reads included.
import type { Store } from '@wheelhouse/db';
import { type KubeObject, PersistentVolumeKind, PodKind } from '@wheelhouse/resources';
import type { RequestTarget } from './attributes.js';
import type { RequestRestriction } from './authorize.js';
import type { Principal } from './tokens.js';

export const NODE_USER_PREFIX = 'system:node:';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';
const WRITES = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/** The node a principal is (system:node:NAME in system:nodes), or undefined. */
export function nodeNameOf(principal: Principal): string | undefined {
  return principal.groups.includes('system:nodes') && principal.name.startsWith(NODE_USER_PREFIX) ? principal.name.slice(NODE_USER_PREFIX.length) : undefined;
}

/** A pod whose spec.nodeName decides, and what is refused when it is another node's. */
export interface PodCheck {
  namespace?: string;
  name: string;
  what: string;
}

/** A PersistentVolume a node may only delete when its node affinity pins it to that node (local-path). */
export interface VolumeCheck {
  volume: string;
}

/** The pure part: a refusal for a target that needs no lookup, or the pod (or volume) whose node decides. */
export function decideNodeTarget(node: string, t: RequestTarget): string | null | PodCheck | VolumeCheck {
  if (!WRITES.has(t.verb)) return null;
  const group = t.apiGroup;
  if (group === '' && t.resource === 'nodes') {
    const name = t.name ?? t.objectName;
    return name === node ? null : `node "${node}" is not allowed to modify node "${name ?? ''}"`;
  }
  if (group === 'coordination.k8s.io' && t.resource === 'leases') {
    if (t.namespace !== NODE_LEASE_NAMESPACE || (t.name ?? t.objectName) !== node) return `node "${node}" can only access node lease with the same name as the requesting node`;
    return null;
  }
  if (group === '' && t.resource === 'pods') {
    if (t.verb === 'create' && !t.subresource) return `node "${node}" can only create mirror pods, which this cluster does not have`;
    if (t.subresource === 'binding') return `node "${node}" may not bind pods`;
    if (!t.name) return `node "${node}" may only ${t.verb} named pods bound to it`;
    const what = t.subresource === 'status' ? 'update pod status' : t.subresource === 'eviction' ? 'evict pods' : `${t.verb} pods`;
    return { namespace: t.namespace, name: t.name, what };
  }
  if (group === '' && t.resource === 'persistentvolumes') {
    if (t.verb !== 'delete' || !t.name) return `node "${node}" may only delete named persistentvolumes of its own`;
    return { volume: t.name };
  }
  // A kubelet asks tokens only for the pods it runs, bound to them (NodeRestriction's TokenRequest rule).
  if (group === '' && t.resource === 'serviceaccounts' && t.subresource === 'token') {
    if (!t.boundPodName) return `node "${node}" can only create tokens bound to pods`;
    return { namespace: t.namespace, name: t.boundPodName, what: 'create tokens' };
  }
  return null;
}

/** Pods: status writes, deletion and eviction only of pods whose spec.nodeName is the node. */
export function nodeRestriction(store: Store): RequestRestriction {
  return async (principal, targets) => {
    const node = nodeNameOf(principal);
    if (node === undefined) return null;
    const pods: PodCheck[] = [];
    for (const t of targets) {
      const decision = decideNodeTarget(node, t);
      if (typeof decision === 'string') return decision;
      if (decision && 'volume' in decision) {
        const refusal = await volumeOfOtherNode(store, node, decision.volume);
        if (refusal) return refusal;
      } else if (decision) pods.push(decision);
    }
    if (pods.length === 0) return null;
    const found = await store.getMany(
      PodKind,
      pods.map((p) => ({ namespace: p.namespace, name: p.name })),
    );
    for (const p of pods) {
      const pod = found.get(`${p.namespace ?? ''}/${p.name}`);
      // A pod already gone: nothing to protect (the write itself answers NOT_FOUND).
      if (!pod) continue;
      const boundTo = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      if (boundTo !== node) return `node "${node}" can only ${p.what} for pods with spec.nodeName set to itself`;
    }
    return null;
  };
}

/** A volume pinned to this node by a `kubernetes.io/hostname In [node]` affinity may be removed by it; others not. */
export function volumePinnedTo(volume: KubeObject, node: string): boolean {
  type Term = { matchExpressions?: { key?: string; operator?: string; values?: string[] }[] };
  const terms = (volume.spec as { nodeAffinity?: { required?: { nodeSelectorTerms?: Term[] } } } | undefined)?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  return (
    terms.length > 0 &&
    terms.every((term) => (term.matchExpressions ?? []).some((e) => e.key === 'kubernetes.io/hostname' && e.operator === 'In' && e.values?.length === 1 && e.values[0] === node))
  );
}

async function volumeOfOtherNode(store: Store, node: string, name: string): Promise<string | null> {
  const volume = await store.get(PersistentVolumeKind, undefined, name);
  if (!volume || volumePinnedTo(volume, node)) return null;
  return `node "${node}" can only delete persistentvolumes pinned to itself`;
}
