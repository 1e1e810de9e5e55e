// A logs request → the pod, its container and the agent that runs it, or the error
// kubectl users know (`a container name must be specified …`, `does not have a host assigned`).
import { ApiError, NodeKind, PodKind, notFound, type KubeObject } from '@wheelhouse/resources';
import type { Store } from '@wheelhouse/db';
import { kubeletBaseUrl } from './kubelet-client.js';

export interface PodTarget {
  pod: KubeObject;
  container: string;
  nodeName: string;
  kubelet: string;
}

export async function podTarget(store: Store, namespace: string, name: string, container: string | undefined): Promise<PodTarget> {
  const pod = await store.get(PodKind, namespace, name);
  if (!pod) throw notFound('Pod', name);
  const spec = (pod.spec ?? {}) as { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] };
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => c.name);
  const chosen = container ?? (spec.containers?.length === 1 ? spec.containers[0]!.name : undefined);
  if (!chosen) {
    throw new ApiError(
      'BAD_USER_INPUT',
      `a container name must be specified for pod ${name}, choose one of: [${(spec.containers ?? []).map((c) => c.name).join(' ')}]`,
      'container',
    );
  }
  if (!names.includes(chosen)) throw new ApiError('BAD_USER_INPUT', `container ${chosen} is not valid for pod ${name}`, 'container');
  if (!spec.nodeName) throw new ApiError('BAD_USER_INPUT', `pod ${name} does not have a host assigned`, 'name');
  const node = await store.get(NodeKind, undefined, spec.nodeName);
  const kubelet = node ? kubeletBaseUrl(node) : undefined;
  if (!kubelet) throw new ApiError('UNAVAILABLE', `node "${spec.nodeName}" of pod ${name} has no reachable node agent (no kubelet endpoint on an address the API calls: loopback)`);
  return { pod, container: chosen, nodeName: spec.nodeName, kubelet };
}

export function logsUrl(target: PodTarget, query: Record<string, string | number | boolean | undefined | null>): string {
  const { namespace, name } = target.pod.metadata;
  const url = new URL(`/containerLogs/${encodeURIComponent(namespace!)}/${encodeURIComponent(name!)}/${encodeURIComponent(target.container)}`, target.kubelet);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== false) url.searchParams.set(k, String(v));
  return url.toString();
}
