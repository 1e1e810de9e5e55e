/**
 * The default namespace's `kubernetes` Service, as kube-apiserver's bootstrap controller keeps
 * it: the first address of the service range, pointing at this API server, so pods reach the
 * API as `kubernetes.default.svc` (and by the KUBERNETES_SERVICE_* variables). Kubernetes serves
 * it on 443/https; a plain-HTTP API (the loopback default) is served on 80/http instead, saying
 * honestly which scheme answers. One API server's address: with several, the last one started wins.
 */
import { type Store, numberToIp, type ValueRange } from '@wheelhouse/db';
import { EndpointSliceKind, EndpointsKind, type KindInfo, type KubeObject, ServiceKind } from '@wheelhouse/resources';

export interface ApiEndpoint {
  /** The address pods connect to (a wildcard listen address means loopback). */
  host: string;
  port: number;
  tls: boolean;
}

const NAME = 'kubernetes';
const NAMESPACE = 'default';
const MANAGED_BY = 'apiserver.wheelhouse.io';

/** Where pods reach a server listening on `host`. */
export function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' || host === 'localhost' ? '127.0.0.1' : host;
}

/** The Service, EndpointSlice and Endpoints this API server should find (pure). */
export function desiredKubernetesService(range: ValueRange, api: ApiEndpoint): { service: KubeObject; slice: KubeObject; endpoints: KubeObject } {
  const port = api.tls ? { name: 'https', port: 443 } : { name: 'http', port: 80 };
  const address = reachableHost(api.host);
  return {
    service: {
      metadata: { name: NAME, namespace: NAMESPACE, labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: numberToIp(range.first), sessionAffinity: 'None', ports: [{ ...port, protocol: 'TCP', targetPort: api.port }] },
    },
    slice: {
      metadata: { name: NAME, namespace: NAMESPACE, labels: { 'kubernetes.io/service-name': NAME, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [address], conditions: { ready: true, serving: true, terminating: false } }],
      ports: [{ name: port.name, port: api.port, protocol: 'TCP' }],
    } as KubeObject,
    endpoints: {
      metadata: { name: NAME, namespace: NAMESPACE, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: address }], ports: [{ name: port.name, port: api.port, protocol: 'TCP' }] }],
    } as KubeObject,
  };
}

/** Whether `have` already holds everything `want` says (defaults the API added are left alone). */
export function covers(have: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(have) && have.length === want.length && want.every((w, i) => covers(have[i], w));
  if (want && typeof want === 'object') {
    if (!have || typeof have !== 'object') return false;
    return Object.entries(want).every(([k, w]) => covers((have as Record<string, unknown>)[k], w));
  }
  return have === want;
}

/** Creates each object, or brings the fields this server owns back to what they should be. */
export async function ensureKubernetesService(store: Store, range: ValueRange, api: ApiEndpoint): Promise<void> {
  const want = desiredKubernetesService(range, api);
  // A Service keeps the ClusterIP it was given: only its ports follow this server.
  const objects: [KindInfo, KubeObject, Record<string, unknown>][] = [
    [ServiceKind, want.service, { spec: { ports: want.service.spec?.ports } }],
    [EndpointSliceKind, want.slice, pick(want.slice, ['endpoints', 'ports'])],
    [EndpointsKind, want.endpoints, pick(want.endpoints, ['subsets'])],
  ];
  for (const [kind, desired, owned] of objects) {
    const current = await store.get(kind, NAMESPACE, NAME);
    if (!current) {
      await store.create(kind, desired, NAMESPACE, { actor: 'system:apiserver' }).catch((error: { code?: string }) => {
        // Another API replica made it first.
        if (error.code !== 'ALREADY_EXISTS') throw error;
      });
    } else if (!covers(current, owned)) await store.patch(kind, NAMESPACE, NAME, owned, 'main', { actor: 'system:apiserver' });
  }
}

function pick(o: KubeObject, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}
