import { endpointPorts, podToEndpoint, shouldPodBeInEndpoints } from './pod-endpoint.js';
import type { Endpoint, EndpointPort, EndpointSliceView, ServicePodView, ServiceView } from './types.js';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SliceChanges {
  create: EndpointSliceView[];
  update: EndpointSliceView[];
  delete: EndpointSliceView[];
}

/** Which of the existing slices this controller owns for the Service (the managed-by label). */
export function ownedSlices(service: ServiceView, slices: EndpointSliceView[]): EndpointSliceView[] {
  return slices.filter(
    (s) =>
      s.metadata.namespace === service.metadata.namespace &&
      s.metadata.labels?.[LABEL_SERVICE_NAME] === service.metadata.name &&
      s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME &&
      !s.metadata.deletionTimestamp,
  );
}

/**
 * The EndpointSlice reconciler (pkg/controller/endpointslice/reconciler.go), as a pure
 * function of the Service, its pods and the slices it already has: endpoints are grouped
 * by the ports they serve (a named targetPort resolves per pod), at most `maxPerSlice` per
 * slice; existing slices are kept and updated in place where they still fit, so an
 * endpoint that did not change does not move; new endpoints fill slices that change
 * anyway before new slices are made; a Service with nothing to publish keeps one empty
 * placeholder slice. ExternalName Services and Services without a selector get none.
 */
export function decideEndpointSlices(input: {
  service: ServiceView;
  pods: ServicePodView[];
  existing: EndpointSliceView[];
  nodeZones?: ReadonlyMap<string, string>;
  maxPerSlice?: number;
}): SliceChanges {
  const { service, existing } = input;
  const max = input.maxPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const changes: SliceChanges = { create: [], update: [], delete: [] };
  if (service.spec?.type === 'ExternalName' || !service.spec?.selector || Object.keys(service.spec.selector).length === 0) {
    return { ...changes, delete: existing };
  }
  const desired = desiredEndpoints(service, input.pods, input.nodeZones);
  const labels = sliceLabels(service);

  const keptByPorts = new Map<string, EndpointSliceView[]>();
  const updated = new Set<EndpointSliceView>();
  for (const slice of existing) {
    const key = portsKey(slice.ports ?? []);
    const wanted = desired.get(key);
    if (!wanted) {
      changes.delete.push(slice);
      continue;
    }
    const endpoints: Endpoint[] = [];
    for (const ep of slice.endpoints ?? []) {
      const address = ep.addresses[0]!;
      const next = wanted.endpoints.get(address);
      if (next && !wanted.placed.has(address)) {
        endpoints.push(next);
        wanted.placed.add(address);
      }
    }
    const next: EndpointSliceView = { ...slice, metadata: { ...slice.metadata, labels: { ...(slice.metadata.labels ?? {}), ...labels } }, endpoints };
    if (endpoints.length === 0 && (slice.endpoints ?? []).length > 0) {
      changes.delete.push(slice);
      continue;
    }
    if (!sameJson(next.endpoints, slice.endpoints) || !sameJson(next.metadata.labels, slice.metadata.labels)) updated.add(next);
    keptByPorts.set(key, [...(keptByPorts.get(key) ?? []), next]);
  }

  for (const [key, wanted] of desired) {
    const pending = [...wanted.endpoints.entries()].filter(([address]) => !wanted.placed.has(address)).map(([, ep]) => ep);
    const kept = keptByPorts.get(key) ?? [];
    // Slices that change anyway take new endpoints first (fewest writes), fullest first.
    const byRoom = [...kept].sort((a, b) => Number(updated.has(b)) - Number(updated.has(a)) || (b.endpoints ?? []).length - (a.endpoints ?? []).length);
    for (const slice of byRoom) {
      if (pending.length === 0) break;
      const room = max - (slice.endpoints ?? []).length;
      // An unchanged slice is only touched when that saves creating a new slice.
      if (room <= 0 || (!updated.has(slice) && pending.length > room)) continue;
      slice.endpoints = [...(slice.endpoints ?? []), ...pending.splice(0, room)];
      updated.add(slice);
    }
    for (let i = 0; i < pending.length; i += max) changes.create.push(newSlice(service, labels, wanted.ports, pending.slice(i, i + max)));
  }
  changes.update = [...updated];

  // Nothing to publish: one empty placeholder slice, so readers can tell "no endpoints" from "not reconciled".
  const remaining = existing.length - changes.delete.length + changes.create.length;
  if (remaining === 0) {
    const placeholder = changes.delete.find((s) => (s.endpoints ?? []).length === 0 && (s.ports ?? []).length === 0);
    if (placeholder) changes.delete = changes.delete.filter((s) => s !== placeholder);
    else changes.create.push(newSlice(service, labels, [], []));
  }
  return changes;
}

interface DesiredGroup {
  ports: EndpointPort[];
  /** By address, in pod order. */
  endpoints: Map<string, Endpoint>;
  placed: Set<string>;
}

function desiredEndpoints(service: ServiceView, pods: ServicePodView[], zones?: ReadonlyMap<string, string>): Map<string, DesiredGroup> {
  const groups = new Map<string, DesiredGroup>();
  const sorted = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of sorted) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(service, pod);
    // A headless Service without ports still publishes its pods' addresses.
    if (ports.length === 0 && (service.spec?.ports ?? []).length > 0) continue;
    const key = portsKey(ports);
    const group = groups.get(key) ?? { ports, endpoints: new Map(), placed: new Set() };
    groups.set(key, group);
    const endpoint = podToEndpoint(pod, service, pod.spec?.nodeName ? zones?.get(pod.spec.nodeName) : undefined);
    if (!group.endpoints.has(endpoint.addresses[0]!)) group.endpoints.set(endpoint.addresses[0]!, endpoint);
  }
  return groups;
}

/** endpointutil.NewPortMapKey: slices are keyed by their exact port set, in any order. */
export function portsKey(ports: EndpointPort[]): string {
  return JSON.stringify([...ports].map((p) => [p.name ?? '', p.protocol ?? 'TCP', p.port, p.appProtocol ?? '']).sort());
}

/** The Service's labels, plus the service-name and managed-by labels and, when headless, the headless label. */
export function sliceLabels(service: ServiceView): Record<string, string> {
  return {
    ...(service.metadata.labels ?? {}),
    ...(service.spec?.clusterIP === 'None' ? { [LABEL_HEADLESS]: '' } : {}),
    [LABEL_SERVICE_NAME]: service.metadata.name,
    [LABEL_MANAGED_BY]: CONTROLLER_NAME,
  };
}

function newSlice(service: ServiceView, labels: Record<string, string>, ports: EndpointPort[], endpoints: Endpoint[]): EndpointSliceView {
  return {
    metadata: {
      // getEndpointSlicePrefix: the Service name, cut so the generated name stays a label.
      generateName: `${service.metadata.name.slice(0, 57)}-`,
      namespace: service.metadata.namespace,
      labels,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: service.metadata.name, uid: service.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

/** Equal as JSON whatever the key order (the API returns fields in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
