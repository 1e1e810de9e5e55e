// What one object counts against a quota (the quota evaluators of
// pkg/quota/v1/evaluator/core): object counts for every kind, compute resources for pods.
import type { KubeObject } from '../object.js';
import { quantityFromNanos } from '../quantity/index.js';
import { addTo, ONE, parseList, type Usage } from './resource-list.js';

/** Kinds with a bare legacy quota name besides `count/<resource>`. */
const LEGACY_COUNT = new Set(['pods', 'services', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims']);

/** Resources every container must state when a quota limits them (backward compatibility in Kubernetes). */
export const MUST_SPECIFY = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;

interface Container {
  name?: string;
  resources?: { requests?: Record<string, string> | null; limits?: Record<string, string> | null } | null;
}

const containers = (pod: KubeObject, key: 'containers' | 'initContainers') => ((pod.spec?.[key] as Container[] | undefined) ?? []) as Container[];

/** One container's compute usage by quota name: requests as `requests.X` (and bare `cpu`/`memory`/`ephemeral-storage`), limits as `limits.X`. */
export function containerUsage(container: Container): Usage {
  const usage: Usage = new Map();
  for (const [name, q] of parseList(container.resources?.requests)) {
    addTo(usage, `requests.${name}`, q);
    if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') addTo(usage, name, q);
  }
  for (const [name, q] of parseList(container.resources?.limits)) addTo(usage, `limits.${name}`, q);
  return usage;
}

/** A pod's compute usage: the sum over its containers, or the largest init container where that is more (PodRequests). */
export function podComputeUsage(pod: KubeObject): Usage {
  const sum: Usage = new Map();
  for (const c of containers(pod, 'containers')) for (const [n, q] of containerUsage(c)) addTo(sum, n, q);
  for (const c of containers(pod, 'initContainers')) {
    for (const [n, q] of containerUsage(c)) if (!sum.has(n) || sum.get(n)!.nanos < q.nanos) sum.set(n, q);
  }
  return sum;
}

/** Succeeded and Failed pods use no compute resources any more (the quota stops counting them). */
export const isTerminalPod = (pod: KubeObject) => ['Succeeded', 'Failed'].includes(String(pod.status?.phase ?? ''));

/** Everything a new object of `resource` (plural, `group` '' for core) counts. */
export function objectUsage(resource: string, group: string, object: KubeObject): Usage {
  const usage: Usage = new Map();
  addTo(usage, `count/${resource}${group ? `.${group}` : ''}`, ONE);
  if (!group && LEGACY_COUNT.has(resource)) addTo(usage, resource, ONE);
  if (!group && resource === 'pods' && !isTerminalPod(object)) for (const [n, q] of podComputeUsage(object)) addTo(usage, n, q);
  if (!group && resource === 'services') for (const [n, q] of serviceUsage(object)) addTo(usage, n, q);
  return usage;
}

/** The service evaluator: a LoadBalancer counts as one, and NodePort and LoadBalancer Services hold a node port per port. */
function serviceUsage(service: KubeObject): Usage {
  const usage: Usage = new Map();
  const type = service.spec?.type;
  const ports = Array.isArray(service.spec?.ports) ? service.spec.ports.length : 0;
  if (type === 'LoadBalancer') addTo(usage, 'services.loadbalancers', ONE);
  if ((type === 'NodePort' || type === 'LoadBalancer') && ports > 0) addTo(usage, 'services.nodeports', quantityFromNanos(BigInt(ports) * 1_000_000_000n));
  return usage;
}

/** Quota scopes (Terminating, NotTerminating, BestEffort, NotBestEffort) as they match a pod; other kinds match only unscoped quotas. */
export function matchesScopes(scopes: readonly string[], resource: string, group: string, object: KubeObject): boolean {
  if (scopes.length === 0) return true;
  if (group || resource !== 'pods') return false;
  const terminating = typeof object.spec?.activeDeadlineSeconds === 'number';
  const bestEffort = [...containers(object, 'containers'), ...containers(object, 'initContainers')].every(
    (c) => Object.keys(c.resources?.requests ?? {}).length === 0 && Object.keys(c.resources?.limits ?? {}).length === 0,
  );
  return scopes.every((scope) => {
    switch (scope) {
      case 'Terminating':
        return terminating;
      case 'NotTerminating':
        return !terminating;
      case 'BestEffort':
        return bestEffort;
      case 'NotBestEffort':
        return !bestEffort;
      default:
        return false;
    }
  });
}

/** Containers missing a resource the quota limits: `limits.cpu for: app,web` (enforcePodContainerConstraints). */
export function missingRequirements(pod: KubeObject, limited: readonly string[]): string[] {
  const required = MUST_SPECIFY.filter((r) => limited.includes(r));
  const missing = new Map<string, string[]>();
  for (const c of [...containers(pod, 'containers'), ...containers(pod, 'initContainers')]) {
    const has = containerUsage(c);
    for (const r of required) if (!has.has(r)) missing.set(r, [...(missing.get(r) ?? []), c.name ?? '']);
  }
  return [...missing.keys()].sort().map((r) => `${r} for: ${[...new Set(missing.get(r))].sort().join(',')}`);
}
