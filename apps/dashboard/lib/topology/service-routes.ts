import type { Ingress, Service } from '@wheelhouse/model';
import type { AnyObject, Pod } from '../kinds/objects.ts';
import { ingressServices } from '../kinds/ingress.ts';

/** The Ingress → Service → Pod band of the map, left of the Deployments. */
export interface RouteLinks {
  /** Services shown: routed to by an Ingress, or selecting a pod on the map. */
  services: Service[];
  /** [ingress, service] pairs. */
  routes: [Ingress, Service][];
  /** [service, pod] pairs: the Service's selector matches the pod's labels. */
  selects: [Service, Pod][];
}

const selects = (service: Service, pod: AnyObject) => {
  const selector = service.spec?.selector ?? {};
  const entries = Object.entries(selector);
  return entries.length > 0 && pod.metadata.namespace === service.metadata.namespace && entries.every(([k, v]) => pod.metadata.labels?.[k] === v);
};

export function routeLinks(ingresses: readonly Ingress[], services: readonly Service[], pods: readonly Pod[]): RouteLinks {
  const key = (namespace: string | null | undefined, name: string | null | undefined) => `${namespace ?? ''}/${name ?? ''}`;
  const byKey = new Map(services.map((s) => [key(s.metadata.namespace, s.metadata.name), s]));
  const routes: [Ingress, Service][] = [];
  for (const ingress of ingresses) {
    for (const name of ingressServices(ingress)) {
      const service = byKey.get(key(ingress.metadata.namespace, name));
      if (service) routes.push([ingress, service]);
    }
  }
  const pairs: [Service, Pod][] = services.flatMap((s) => pods.filter((p) => selects(s, p)).map((p): [Service, Pod] => [s, p]));
  const shown = new Set<Service>([...routes.map(([, s]) => s), ...pairs.map(([s]) => s)]);
  return { services: services.filter((s) => shown.has(s)), routes, selects: pairs };
}
