import { WorkQueue, done, keyOf, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';
import { sameJson } from '../endpointslice/decide.js';
import { selectsPod } from '../endpointslice/pod-endpoint.js';
import type { ServicePodView, ServiceView } from '../endpointslice/types.js';
import { decideEndpoints } from './decide.js';

const FIELDS = `metadata { name resourceVersion }`;
const CREATE = `mutation($ns: String, $input: EndpointsInput!) { createEndpoints(namespace: $ns, input: $input) { ${FIELDS} } }`;
const REPLACE = `mutation($ns: String, $name: String!, $input: EndpointsInput!) { replaceEndpoints(namespace: $ns, name: $name, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($ns: String, $name: String!) { deleteEndpoints(namespace: $ns, name: $name) { metadata { name } } }`;

type EndpointsView = { metadata: { name: string; resourceVersion?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; subsets?: unknown[] };

/**
 * The Endpoints controller: keeps the v1 Endpoints object of every selector Service (the
 * mirror older clients read) in step with its pods, as pkg/controller/endpoint does.
 */
export function startEndpointsController(ctx: ManagerContext, workers = 2): ControllerHandle {
  const name = 'endpoints-controller';
  const queue = new WorkQueue();
  const { services, endpoints, pods } = ctx.informers;
  /** The resourceVersion each Endpoints had after this controller's last write (stale-cache guard). */
  const lastWritten = new Map<string, bigint>();

  const enqueueForPod = (pod: ManagedObject) => {
    for (const svc of services.list(pod.metadata.namespace)) if (selectsPod(svc as unknown as ServiceView, pod as unknown as ServicePodView)) queue.add(keyOf(svc));
  };
  services.addEventHandler({ onAdd: (s) => queue.add(keyOf(s)), onUpdate: (_o, s) => queue.add(keyOf(s)), onDelete: (s) => queue.add(keyOf(s)) });
  pods.addEventHandler({
    onAdd: enqueueForPod,
    onUpdate: (old, pod) => {
      enqueueForPod(pod);
      if (JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) enqueueForPod(old);
    },
    onDelete: enqueueForPod,
  });
  endpoints.addEventHandler({ onUpdate: (_o, e) => queue.add(keyOf(e)), onDelete: (e) => queue.add(keyOf(e)) });

  const reconcile = async (key: string) => {
    const [namespace, serviceName] = key.split('/') as [string, string];
    const current = endpoints.get(key) as unknown as EndpointsView | undefined;
    const written = lastWritten.get(key);
    if (written !== undefined && (!current || BigInt(current.metadata.resourceVersion ?? '0') < written)) return requeueAfter(50);
    const service = services.get(key) as unknown as ServiceView | undefined;
    if (!service) {
      lastWritten.delete(key);
      if (current) {
        await ctx.client.request(DELETE, { ns: namespace, name: serviceName }).catch((error: { code?: string }) => {
          if (error.code !== 'NOT_FOUND') throw error;
        });
      }
      return done();
    }
    const selected = (pods.list(namespace) as unknown as ServicePodView[]).filter((p) => selectsPod(service, p));
    const desired = decideEndpoints(service, selected);
    if (!desired) return done();
    if (
      current &&
      sameJson(current.subsets ?? [], desired.subsets) &&
      sameJson(current.metadata.labels ?? {}, desired.labels) &&
      sameJson(current.metadata.annotations ?? {}, desired.annotations)
    ) {
      return done();
    }
    const input = {
      metadata: { name: serviceName, labels: desired.labels, annotations: desired.annotations, ...(current ? { resourceVersion: current.metadata.resourceVersion } : {}) },
      subsets: desired.subsets,
    };
    const data = current
      ? await ctx.client
          .request<{ replaceEndpoints: { metadata: { resourceVersion: string } } }>(REPLACE, { ns: namespace, name: serviceName, input })
          .then((d) => d.replaceEndpoints)
      : await ctx.client.request<{ createEndpoints: { metadata: { resourceVersion: string } } }>(CREATE, { ns: namespace, input }).then((d) => d.createEndpoints);
    lastWritten.set(key, BigInt(data.metadata.resourceVersion));
    return done();
  };

  return runController({ name, queue, reconcile, workers, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}
