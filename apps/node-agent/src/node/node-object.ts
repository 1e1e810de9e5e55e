// What the agent registers for a node it owns, and what it fills in on a node it adopts.
import type { Node, Taint } from '@wheelhouse/model';

export const RUNTIME_LABEL = 'wheelhouse.io/runtime';
export const AGENT_VERSION = 'v0.1.0-wheelhouse';

export interface NodeIdentity {
  name: string;
  runtime: 'process' | 'simulated';
  labels: Record<string, string>;
  /** Annotations the agent keeps on its node (the local-path directory the volume controller reads). */
  annotations?: Record<string, string>;
  taints: Taint[];
  capacity: Record<string, string>;
  podCIDR: string;
  kubeletPort: number;
  nodeInfo: Record<string, string>;
}

/** Labels the kubelet sets on its own node (kubelet's getNodeAnyWay + wheelhouse's runtime). */
export function nodeLabels(identity: Pick<NodeIdentity, 'name' | 'runtime' | 'labels' | 'nodeInfo'>): Record<string, string> {
  return {
    ...identity.labels,
    'kubernetes.io/hostname': identity.name,
    'kubernetes.io/os': identity.nodeInfo.operatingSystem ?? 'linux',
    'kubernetes.io/arch': identity.nodeInfo.architecture ?? 'amd64',
    [RUNTIME_LABEL]: identity.runtime,
  };
}

/** The Node to create (status included: capacity, addresses, endpoints, node info). */
export function registrationNode(identity: NodeIdentity): Node {
  return {
    metadata: { name: identity.name, labels: nodeLabels(identity), ...(identity.annotations ? { annotations: identity.annotations } : {}) },
    spec: { podCIDR: identity.podCIDR, podCIDRs: [identity.podCIDR], taints: identity.taints.length ? identity.taints : undefined },
    status: staticStatus(identity.name, identity.capacity, identity.kubeletPort, identity.nodeInfo),
  };
}

/** Status fields that do not change while the agent runs. */
export function staticStatus(name: string, capacity: Record<string, string>, kubeletPort: number, nodeInfo: Record<string, string>): NonNullable<Node['status']> {
  return {
    capacity,
    allocatable: capacity,
    addresses: [
      { type: 'InternalIP', address: '127.0.0.1' },
      { type: 'Hostname', address: name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } },
    nodeInfo,
  };
}

/** Node info as `kubectl get node -o wide` shows it. */
export function systemInfo(runtime: 'process' | 'simulated', host: { kernel: string; osImage: string; arch: string; machineID: string; bootID: string }): Record<string, string> {
  return {
    machineID: host.machineID,
    systemUUID: host.machineID,
    bootID: host.bootID,
    kernelVersion: host.kernel,
    osImage: host.osImage,
    containerRuntimeVersion: `${runtime}://${AGENT_VERSION}`,
    kubeletVersion: AGENT_VERSION,
    kubeProxyVersion: AGENT_VERSION,
    operatingSystem: 'linux',
    architecture: host.arch === 'x64' ? 'amd64' : host.arch,
  };
}

/**
 * The merge patch that brings an existing own node in line on start: our labels and
 * taints win, labels others added stay. Nothing when it already matches.
 */
export function registrationPatch(existing: Node, identity: NodeIdentity): Record<string, unknown> | undefined {
  const labels = nodeLabels(identity);
  const current = existing.metadata.labels ?? {};
  const labelPatch: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (current[k] !== v) labelPatch[k] = v;
  const patch: Record<string, unknown> = {};
  if (Object.keys(labelPatch).length) patch.metadata = { labels: labelPatch };
  const annotationPatch: Record<string, string> = {};
  for (const [k, v] of Object.entries(identity.annotations ?? {})) if (existing.metadata.annotations?.[k] !== v) annotationPatch[k] = v;
  if (Object.keys(annotationPatch).length) patch.metadata = { ...(patch.metadata as object), annotations: annotationPatch };
  const spec: Record<string, unknown> = {};
  if (!existing.spec?.podCIDR) Object.assign(spec, { podCIDR: identity.podCIDR, podCIDRs: [identity.podCIDR] });
  if (identity.taints.length && JSON.stringify(existing.spec?.taints ?? []) !== JSON.stringify(identity.taints)) {
    // Taints added by the node lifecycle controller (unreachable, not-ready) stay.
    const others = (existing.spec?.taints ?? []).filter((t) => !identity.taints.some((o) => o.key === t.key && o.effect === t.effect));
    spec.taints = [...others, ...identity.taints];
  }
  if (Object.keys(spec).length) patch.spec = spec;
  return Object.keys(patch).length ? patch : undefined;
}
