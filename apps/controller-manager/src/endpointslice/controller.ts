import { WorkQueue, done, keyOf, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';
import { decideEndpointSlices, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, CONTROLLER_NAME, ownedSlices } from './decide.js';
import { selectsPod } from './pod-endpoint.js';
import type { EndpointSliceView, ServicePodView, ServiceView } from './types.js';

const FIELDS = `metadata { name namespace resourceVersion }`;
const CREATE = `mutation($ns: String, $inputs: [EndpointSliceInput!]!) { createEndpointSlices(namespace: $ns, inputs: $inputs) { ${FIELDS} } }`;
const REPLACE = `mutation($ns: String, $name: String!, $input: EndpointSliceInput!) { replaceEndpointSlice(namespace: $ns, name: $name, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($ns: String, $name: String!) { deleteEndpointSlice(namespace: $ns, name: $name) { metadata { name } } }`;
/** topology.kubernetes.io/zone of the pod's node becomes the endpoint's zone. */
const ZONE_LABEL = 'topology.kubernetes.io/zone';

type Written = { rv: Map<string, bigint>; gone: Set<string> };

/**
 * The EndpointSlice controller: pod, Service and slice events enqueue the Service; a
 * reconcile reads the caches, asks decideEndpointSlices and writes the difference.
 * Like Kubernetes' EndpointSliceTracker it remembers what it last wrote per Service and
 * waits (a short requeue) while the cache is older than that, so a quick second event
 * never acts on a cache that misses the slices it just created.
 */
export function startEndpointSliceController(ctx: ManagerContext, workers = 4): ControllerHandle {
  const name = 'endpointslice-controller';
  const queue = new WorkQueue();
  const { services, endpointSlices, pods, nodes } = ctx.informers;
  const written = new Map<string, Written>();

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
  const enqueueForSlice = (slice: ManagedObject) => {
    const labels = slice.metadata.labels ?? {};
    if (labels[LABEL_MANAGED_BY] === CONTROLLER_NAME && labels[LABEL_SERVICE_NAME]) queue.add(`${slice.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`);
  };
  endpointSlices.addEventHandler({ onAdd: enqueueForSlice, onUpdate: (_o, s) => enqueueForSlice(s), onDelete: enqueueForSlice });

  const reconcile = async (key: string) => {
    const [namespace, serviceName] = key.split('/') as [string, string];
    const cached = endpointSlices.list(namespace) as unknown as EndpointSliceView[];
    if (isStale(written.get(key), cached)) return requeueAfter(50);
    const service = services.get(key) as unknown as ServiceView | undefined;
    const mine = cached.filter(
      (s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === serviceName && s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && !s.metadata.deletionTimestamp,
    );
    if (!service || service.metadata.deletionTimestamp) {
      await Promise.all(mine.map((s) => remove(namespace, s.metadata.name!)));
      written.delete(key);
      return done();
    }
    const selected = (pods.list(namespace) as unknown as ServicePodView[]).filter((p) => selectsPod(service, p));
    const zones = new Map<string, string>();
    for (const node of nodes.list()) {
      const zone = node.metadata.labels?.[ZONE_LABEL];
      if (zone) zones.set(node.metadata.name, zone);
    }
    const changes = decideEndpointSlices({ service, pods: selected, existing: ownedSlices(service, mine), nodeZones: zones });
    const record: Written = { rv: new Map(), gone: new Set() };
    await Promise.all(changes.delete.map((s) => remove(namespace, s.metadata.name!).then(() => record.gone.add(s.metadata.name!))));
    for (const slice of changes.update) {
      const data = await ctx.client.request<{ replaceEndpointSlice: { metadata: { name: string; resourceVersion: string } } }>(REPLACE, {
        ns: namespace,
        name: slice.metadata.name,
        input: toInput(slice),
      });
      record.rv.set(data.replaceEndpointSlice.metadata.name, BigInt(data.replaceEndpointSlice.metadata.resourceVersion));
    }
    if (changes.create.length > 0) {
      const data = await ctx.client.request<{ createEndpointSlices: { metadata: { name: string; resourceVersion: string } }[] }>(CREATE, {
        ns: namespace,
        inputs: changes.create.map(toInput),
      });
      for (const s of data.createEndpointSlices) record.rv.set(s.metadata.name, BigInt(s.metadata.resourceVersion));
    }
    if (record.rv.size + record.gone.size > 0) written.set(key, record);
    return done();
  };

  const remove = (namespace: string, sliceName: string) =>
    ctx.client.request(DELETE, { ns: namespace, name: sliceName }).catch((error: { code?: string }) => {
      if (error.code !== 'NOT_FOUND') throw error;
    });

  return runController({ name, queue, reconcile, workers, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}

/** The cache misses a slice this controller wrote, holds an older version of one, or still holds one it deleted. */
function isStale(record: Written | undefined, cached: EndpointSliceView[]): boolean {
  if (!record) return false;
  const byName = new Map(cached.map((s) => [s.metadata.name, s]));
  for (const [sliceName, rv] of record.rv) {
    const seen = byName.get(sliceName);
    if (!seen || BigInt(seen.metadata.resourceVersion ?? '0') < rv) return true;
  }
  for (const sliceName of record.gone) if (byName.has(sliceName)) return true;
  return false;
}

function toInput(slice: EndpointSliceView) {
  const { metadata, addressType, endpoints, ports } = slice;
  return {
    metadata: {
      ...(metadata.name ? { name: metadata.name, resourceVersion: metadata.resourceVersion } : { generateName: metadata.generateName }),
      labels: metadata.labels,
      ownerReferences: metadata.ownerReferences,
    },
    addressType,
    endpoints,
    ports,
  };
}
