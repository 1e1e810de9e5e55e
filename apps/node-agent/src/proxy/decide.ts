// Services + EndpointSlices → the rules the userspace proxy listens and balances by, as
// kube-proxy computes them: ready endpoints, or serving-and-terminating ones only when
// none is ready; the slice's port of the same name is the (resolved) target port.
import type { Endpoint, EndpointSlice, Service, ServicePort } from '@wheelhouse/model';
import type { Backend, ProxyInputs, ProxyProtocol, ProxyRule, ProxyScope } from './rules.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** Kubernetes' default sessionAffinityConfig.clientIP.timeoutSeconds (3 hours). */
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10_800;
/** apps/dns serves this Service's address itself; the proxy must not bind it. */
const SKIPPED = new Set(['kube-system/kube-dns']);

const keyOf = (protocol: string, address: string, port: number) => `${protocol}/${address}:${port}`;

function proxied(service: Service): boolean {
  const spec = service.spec;
  if (!spec || spec.type === 'ExternalName') return false;
  const ip = spec.clusterIP;
  if (!ip || ip === 'None') return false;
  return !SKIPPED.has(`${service.metadata.namespace}/${service.metadata.name}`);
}

function slicesByService(slices: EndpointSlice[]): Map<string, EndpointSlice[]> {
  const by = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service || (slice.addressType && slice.addressType !== 'IPv4')) continue;
    const key = `${slice.metadata.namespace}/${service}`;
    by.set(key, [...(by.get(key) ?? []), slice]);
  }
  return by;
}

/** An unset condition reads as true (the EndpointSlice API's rule for ready and serving). */
const ready = (e: Endpoint) => e.conditions?.ready !== false;
const servingTerminating = (e: Endpoint) => (e.conditions?.serving ?? ready(e)) && e.conditions?.terminating === true;

/** The backends of one service port: its ready endpoints, else its serving terminating ones. */
export function backendsFor(port: ServicePort, slices: EndpointSlice[], local: (e: Endpoint) => boolean): Backend[] {
  const name = port.name ?? '';
  const protocol = port.protocol ?? 'TCP';
  const readyOnes = new Map<string, Backend>();
  const fallback = new Map<string, Backend>();
  for (const slice of slices) {
    const target = (slice.ports ?? []).find((p) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol);
    if (target?.port == null) continue;
    for (const endpoint of slice.endpoints ?? []) {
      if (!local(endpoint)) continue;
      const into = ready(endpoint) ? readyOnes : servingTerminating(endpoint) ? fallback : undefined;
      // An endpoint's first address is the one proxies use (EndpointSlice API).
      const ip = endpoint.addresses?.[0];
      if (into && ip) into.set(`${ip}:${target.port}`, { ip, port: target.port });
    }
  }
  const chosen = readyOnes.size > 0 ? readyOnes : fallback;
  return [...chosen.values()].sort((a, b) => a.ip.localeCompare(b.ip, 'en', { numeric: true }) || a.port - b.port);
}

export function decide(inputs: ProxyInputs, scope: ProxyScope): ProxyRule[] {
  const slices = slicesByService(inputs.slices);
  const rules: ProxyRule[] = [];
  for (const service of inputs.services) {
    if (!proxied(service)) continue;
    const spec = service.spec!;
    const id = `${service.metadata.namespace}/${service.metadata.name}`;
    const localOnly = spec.internalTrafficPolicy === 'Local';
    const local = (e: Endpoint) => !localOnly || e.nodeName === scope.nodeName;
    const affinity = spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS) : undefined;
    const withNodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
    for (const port of spec.ports ?? []) {
      if (port.port == null) continue;
      const protocol = (port.protocol ?? 'TCP') as ProxyProtocol;
      const backends = backendsFor(port, slices.get(id) ?? [], local);
      const base = { servicePort: `${id}:${port.name ?? ''}`, protocol, backends, ...(affinity === undefined ? {} : { affinityTimeoutSeconds: affinity }) };
      rules.push({ ...base, key: keyOf(protocol, spec.clusterIP!, port.port), kind: 'ClusterIP', address: spec.clusterIP!, port: port.port });
      // NodePorts are reached from outside the cluster: internalTrafficPolicy does not narrow them.
      if (withNodePort && port.nodePort) {
        const all = localOnly ? backendsFor(port, slices.get(id) ?? [], () => true) : backends;
        rules.push({ ...base, backends: all, key: keyOf(protocol, scope.nodeIP, port.nodePort), kind: 'NodePort', address: scope.nodeIP, port: port.nodePort });
      }
    }
  }
  return rules.sort((a, b) => a.key.localeCompare(b.key));
}
