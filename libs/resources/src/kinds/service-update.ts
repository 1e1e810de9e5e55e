import type { KubeObject } from '../object.js';
import { isExternallyAccessible, needsHealthCheck } from '../validation/service.js';

type Port = { name?: string; nodePort?: number };
type Spec = Record<string, unknown> & { type?: string; ports?: Port[]; allocateLoadBalancerNodePorts?: boolean };

export const needsClusterIP = (spec: Spec) => spec.type !== 'ExternalName';
export const needsNodePorts = (spec: Spec) => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/**
 * The Service strategy's PrepareForUpdate: values the API allocated and a replace left out
 * are kept (patchAllocatedValues), and those the new type no longer uses are dropped when
 * the user left them as they were (dropTypeDependentFields). Returns a new object.
 */
export function keepServiceAllocations(next: KubeObject, current: KubeObject): KubeObject {
  const spec = structuredClone((next.spec ?? {}) as Spec);
  const old = (current.spec ?? {}) as Spec;
  patchAllocatedValues(spec, old);
  dropTypeDependentFields(spec, old);
  return { ...next, spec };
}

function patchAllocatedValues(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!(Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) && Array.isArray(old.clusterIPs) && old.clusterIPs.length > 0) spec.clusterIPs = old.clusterIPs;
  }
  if (needsNodePorts(old) && needsNodePorts(spec)) {
    // Matched by port name; a value another port of the new spec uses is not reused.
    const used = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const port of spec.ports ?? []) {
      const previous = byName.get(port.name ?? '');
      if (!port.nodePort && previous && !used.has(previous)) port.nodePort = previous;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
}

function dropTypeDependentFields(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (sameJson(spec.clusterIPs, old.clusterIPs) || spec.clusterIP === old.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameJson(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePorts(old) && !needsNodePorts(spec)) {
    const oldPorts = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const port of spec.ports ?? []) if (port.nodePort && oldPorts.get(port.name ?? '') === port.nodePort) delete port.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  if (!isExternallyAccessible(spec) && spec.externalTrafficPolicy === old.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
