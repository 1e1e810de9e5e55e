import { LABEL_HEADLESS } from '../endpointslice/decide.js';
import { endpointPorts, isPodReady, shouldPodBeInEndpoints, shouldSetHostname } from '../endpointslice/pod-endpoint.js';
import type { EndpointPort, ServicePodView, ServiceView } from '../endpointslice/types.js';

/** maxCapacity of the Endpoints controller: beyond it the object is truncated and annotated. */
export const MAX_ENDPOINTS_ADDRESSES = 1000;
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace?: string; name: string; uid?: string };
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface DesiredEndpoints {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  subsets: EndpointSubset[];
}

/**
 * The Endpoints controller's syncService (pkg/controller/endpoint) as a pure function:
 * one Endpoints object named like the Service; pods ready (or any, with
 * publishNotReadyAddresses) go to addresses, the rest that still run to
 * notReadyAddresses; terminating pods leave unless the Service tolerates unready ones;
 * addresses are grouped by the ports they serve (RepackSubsets) and sorted. Null: the
 * controller leaves this Service alone (ExternalName, or no selector: user-managed).
 */
export function decideEndpoints(service: ServiceView, pods: ServicePodView[]): DesiredEndpoints | null {
  if (service.spec?.type === 'ExternalName' || !service.spec?.selector || Object.keys(service.spec.selector).length === 0) return null;
  const tolerateUnready = Boolean(service.spec.publishNotReadyAddresses);
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  let total = 0;
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const ports = endpointPorts(service, pod);
    const headlessWithoutPorts = (service.spec.ports ?? []).length === 0 && service.spec.clusterIP === 'None';
    if (ports.length === 0 && !headlessWithoutPorts) continue;
    const sorted = [...ports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.port - b.port));
    const key = JSON.stringify(sorted);
    const group = groups.get(key) ?? { ports: sorted, ready: [], notReady: [] };
    groups.set(key, group);
    const address: EndpointAddress = {
      ip: pod.status?.podIPs?.[0]?.ip ?? pod.status!.podIP!,
      ...(shouldSetHostname(pod, service) ? { hostname: pod.spec!.hostname } : {}),
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    if (total >= MAX_ENDPOINTS_ADDRESSES) continue;
    total++;
    if (tolerateUnready || isPodReady(pod)) group.ready.push(address);
    else group.notReady.push(address);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.targetRef.uid ?? '') < (b.targetRef.uid ?? '') ? -1 : 1);
  const subsets = [...groups.values()]
    .map((g) => ({
      ...(g.ready.length ? { addresses: g.ready.sort(byIp) } : {}),
      ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
      ...(g.ports.length ? { ports: g.ports } : {}),
    }))
    .sort((a, b) => (JSON.stringify(a.ports ?? []) < JSON.stringify(b.ports ?? []) ? -1 : 1));
  const overCapacity = pods.filter((p) => shouldPodBeInEndpoints(p, tolerateUnready)).length > MAX_ENDPOINTS_ADDRESSES;
  return {
    labels: { ...(service.metadata.labels ?? {}), ...(service.spec.clusterIP === 'None' ? { [LABEL_HEADLESS]: '' } : {}) },
    annotations: overCapacity ? { [OVER_CAPACITY_ANNOTATION]: 'truncated' } : {},
    subsets,
  };
}
