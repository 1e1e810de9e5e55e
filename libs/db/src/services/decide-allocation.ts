import { invalidError, needsClusterIP, needsHealthCheck, needsNodePorts, type FieldError } from '@wheelhouse/resources';
import { inRange, ipToNumber, type ValueRange } from './service-range.js';

type Port = { port?: number; protocol?: string; nodePort?: number };
export type ServiceSpecShape = Record<string, unknown> & {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: Port[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean;
};

/** A value the user asked for, with where it sits (for Kubernetes' messages). */
export interface Requested {
  kind: 'ip' | 'port';
  value: string;
  field: string;
  /** The bad value as Kubernetes prints it: the clusterIPs list, or the port number. */
  shown: unknown;
}

export interface AllocationNeeds {
  errors: FieldError[];
  pickIp: boolean;
  /** Indexes of spec.ports that need a NodePort. */
  pickNodePorts: number[];
  pickHealthCheckNodePort: boolean;
  /** New values the user asked for (not already the Service's). */
  requested: Requested[];
}

export interface AllocationRanges {
  ips: ValueRange;
  nodePorts: ValueRange;
}

/**
 * What the API must allocate for a Service being created (previous undefined) or
 * updated, as the registry's allocator does (pkg/registry/core/service/storage/alloc.go):
 * a ClusterIP unless headless or ExternalName, NodePorts for NodePort and LoadBalancer
 * (unless allocateLoadBalancerNodePorts is false), a healthCheckNodePort for a Local
 * LoadBalancer; values the user gave must lie in the ranges. The cluster is single-stack IPv4.
 */
export function decideServiceAllocation(spec: ServiceSpecShape, previous: ServiceSpecShape | undefined, ranges: AllocationRanges): AllocationNeeds {
  const needs: AllocationNeeds = { errors: [], pickIp: false, pickNodePorts: [], pickHealthCheckNodePort: false, requested: [] };
  if (needsClusterIP(spec)) decideIp(spec, previous, ranges.ips, needs);
  decideNodePorts(spec, previous, ranges.nodePorts, needs);
  return needs;
}

function decideIp(spec: ServiceSpecShape, previous: ServiceSpecShape | undefined, range: ValueRange, needs: AllocationNeeds): void {
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    needs.errors.push(invalidError('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (family !== 'IPv4') needs.errors.push(invalidError(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  const ips = spec.clusterIPs ?? [];
  if (!spec.clusterIP) {
    needs.pickIp = true;
    return;
  }
  if (spec.clusterIP === 'None') return;
  const held = new Set(previous?.clusterIPs ?? []);
  for (const ip of ips) {
    if (held.has(ip)) continue;
    const n = ipToNumber(ip);
    if (n === undefined || !inRange(range, n)) {
      const reason = n === undefined ? 'not configured on this cluster' : `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${range.text}`;
      needs.errors.push(invalidError('spec.clusterIPs', ips, `failed to allocate IP ${ip}: ${reason}`));
    } else {
      needs.requested.push({ kind: 'ip', value: ip, field: 'spec.clusterIPs', shown: ips });
    }
  }
}

function decideNodePorts(spec: ServiceSpecShape, previous: ServiceSpecShape | undefined, range: ValueRange, needs: AllocationNeeds): void {
  const held = new Set<number>([...(previous?.ports ?? []).map((p) => p.nodePort ?? 0), previous?.healthCheckNodePort ?? 0].filter((p) => p !== 0));
  const check = (value: number, field: string) => {
    if (held.has(value)) return;
    if (!inRange(range, value)) {
      needs.errors.push(invalidError(field, value, `provided port is not in the valid range. The range of valid ports is ${range.text}`));
    } else if (!needs.requested.some((r) => r.kind === 'port' && r.value === String(value))) {
      needs.requested.push({ kind: 'port', value: String(value), field, shown: value });
    }
  };
  (spec.ports ?? []).forEach((port, i) => {
    if (port.nodePort) check(port.nodePort, `spec.ports[${i}].nodePort`);
    else if (needsNodePorts(spec)) needs.pickNodePorts.push(i);
  });
  if (spec.healthCheckNodePort) check(spec.healthCheckNodePort, 'spec.healthCheckNodePort');
  else if (needsHealthCheck(spec)) needs.pickHealthCheckNodePort = true;
}

/**
 * The spec with picked values filled in. Ports sharing a port number (TCP and UDP 53)
 * share one NodePort, as Kubernetes allocates them. Returns a new spec.
 */
export function applyAllocation(spec: ServiceSpecShape, needs: AllocationNeeds, picked: { ip?: string; nodePorts: number[] }): ServiceSpecShape {
  const next = structuredClone(spec);
  if (needs.pickIp && picked.ip) {
    next.clusterIP = picked.ip;
    next.clusterIPs = [picked.ip];
  }
  const byPortNumber = new Map<number, number>();
  for (const port of next.ports ?? []) if (port.nodePort && port.port !== undefined) byPortNumber.set(port.port, port.nodePort);
  const fresh = [...picked.nodePorts];
  for (const i of needs.pickNodePorts) {
    const port = next.ports![i]!;
    const shared = port.port === undefined ? undefined : byPortNumber.get(port.port);
    port.nodePort = shared ?? fresh.shift();
    if (port.port !== undefined && port.nodePort !== undefined) byPortNumber.set(port.port, port.nodePort);
  }
  if (needs.pickHealthCheckNodePort) next.healthCheckNodePort = fresh.shift();
  return next;
}

/** How many fresh NodePorts applyAllocation will use: one per distinct port number still without one. */
export function nodePortsToPick(spec: ServiceSpecShape, needs: AllocationNeeds): number {
  const given = new Set((spec.ports ?? []).filter((p) => p.nodePort).map((p) => p.port));
  const wanted = new Set(needs.pickNodePorts.map((i) => spec.ports![i]!.port).filter((p) => !given.has(p)));
  return wanted.size + (needs.pickHealthCheckNodePort ? 1 : 0);
}
