import type { ContainerPort, Endpoint, EndpointPort, ServicePodView, ServicePort, ServiceView } from './types.js';

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: ServicePodView): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * endpointutil.ShouldPodBeInEndpoints: a pod with an IP that has not finished
 * (Succeeded/Failed); terminating pods only when asked (EndpointSlices always keep them,
 * marked terminating, so proxies can drain them).
 */
export function shouldPodBeInEndpoints(pod: ServicePodView, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** endpointutil.ShouldSetHostname: the pod names this (headless) Service as its subdomain. */
export function shouldSetHostname(pod: ServicePodView, service: ServiceView): boolean {
  return Boolean(pod.spec?.hostname) && pod.spec?.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace;
}

/**
 * podutil.FindPort: a numeric targetPort is itself; a named one is the container port of
 * that name and protocol in this pod, undefined when the pod has none (the pod then
 * serves no endpoint for that Service port).
 */
export function findPort(pod: ServicePodView, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const protocol = servicePort.protocol ?? 'TCP';
  const ports: ContainerPort[] = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  return ports.find((p) => p.name === target && (p.protocol ?? 'TCP') === protocol)?.containerPort;
}

/** getEndpointPorts: the Service's ports as this pod serves them, named targetPorts resolved. */
export function endpointPorts(service: ServiceView, pod: ServicePodView): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of service.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? '', protocol: sp.protocol ?? 'TCP', port, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/**
 * podToEndpoint: serving is the pod's readiness, terminating its deletion, and ready
 * is serving and not terminating (or always, with publishNotReadyAddresses).
 */
export function podToEndpoint(pod: ServicePodView, service: ServiceView, nodeZone: string | undefined): Endpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = Boolean(service.spec?.publishNotReadyAddresses) || (serving && !terminating);
  const addresses = pod.status?.podIPs?.length ? [pod.status.podIPs[0]!.ip] : [pod.status!.podIP!];
  return {
    addresses,
    conditions: { ready, serving, terminating },
    ...(shouldSetHostname(pod, service) ? { hostname: pod.spec!.hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(nodeZone ? { zone: nodeZone } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/** The pods a Service selects: its selector matched against their labels (Services select with equality only). */
export function selectsPod(service: ServiceView, pod: ServicePodView): boolean {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  if (pod.metadata.namespace !== service.metadata.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
