import { hasCode } from '@wheelhouse/client';
import { WorkQueue, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import type { EndpointSlice, Pod, Service } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { decideEndpointSlices, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, CONTROLLER_NAME, ownedSlices } from './decide.js';
import { selectsPod } from './pod-endpoint.js';
import type { EndpointSliceView, ServicePodView, ServiceView } from './types.js';

/** What a write's answer needs: the stale-cache guard compares resourceVersions. */
const WRITTEN = { select: 'metadata { name namespace resourceVersion }' };
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
export function endpointSliceController(ctx: ManagerContext): PreparedController {
  const name = 'endpointslice-controller';
  const queue = new WorkQueue();
  const services = ctx.informers.informerFor('Service');
  const endpointSlices = ctx.informers.informerFor('EndpointSlice');
  const pods = ctx.informers.informerFor('Pod');
  const nodes = ctx.informers.informerFor('Node');
  const sliceClient = ctx.clientset.endpointSlices;
  const written = new Map<string, Written>();

  const enqueueForPod = (pod: Pod) => {
    for (const svc of services.list(pod.metadata.namespace)) if (selectsPod(serviceView(svc), podView(pod))) queue.add(keyOf(svc));
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
  const enqueueForSlice = (slice: EndpointSlice) => {
    const labels = slice.metadata.labels ?? {};
    if (labels[LABEL_MANAGED_BY] === CONTROLLER_NAME && labels[LABEL_SERVICE_NAME]) queue.add(`${slice.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`);
  };
  endpointSlices.addEventHandler({ onAdd: enqueueForSlice, onUpdate: (_o, s) => enqueueForSlice(s), onDelete: enqueueForSlice });

  const reconcile = async (key: string) => {
    const [namespace, serviceName] = key.split('/') as [string, string];
    const cached = endpointSlices.list(namespace).map(sliceView);
    if (isStale(written.get(key), cached)) return requeueAfter(50);
    const cachedService = services.get(key);
    const service = cachedService && serviceView(cachedService);
    const mine = cached.filter(
      (s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === serviceName && s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && !s.metadata.deletionTimestamp,
    );
    if (!service || service.metadata.deletionTimestamp) {
      await Promise.all(mine.map((s) => remove(namespace, s.metadata.name!)));
      written.delete(key);
      return done();
    }
    const selected = pods
      .list(namespace)
      .map(podView)
      .filter((p) => selectsPod(service, p));
    const zones = new Map<string, string>();
    for (const node of nodes.list()) {
      const zone = node.metadata.labels?.[ZONE_LABEL];
      if (zone && node.metadata.name) zones.set(node.metadata.name, zone);
    }
    const changes = decideEndpointSlices({ service, pods: selected, existing: ownedSlices(service, mine), nodeZones: zones });
    const record: Written = { rv: new Map(), gone: new Set() };
    await Promise.all(changes.delete.map((s) => remove(namespace, s.metadata.name!).then(() => record.gone.add(s.metadata.name!))));
    for (const slice of changes.update) {
      const replaced = await sliceClient.replace(toInput(namespace, slice), WRITTEN);
      record.rv.set(replaced.metadata.name ?? '', BigInt(replaced.metadata.resourceVersion ?? '0'));
    }
    if (changes.create.length > 0) {
      const created = await sliceClient.createMany(
        changes.create.map((s) => toInput(namespace, s)),
        { ...WRITTEN, namespace },
      );
      for (const s of created) record.rv.set(s.metadata.name ?? '', BigInt(s.metadata.resourceVersion ?? '0'));
    }
    if (record.rv.size + record.gone.size > 0) written.set(key, record);
    return done();
  };

  const remove = (namespace: string, sliceName: string) =>
    sliceClient.delete({ namespace, name: sliceName }, { select: 'metadata { name }' }).catch((error: unknown) => {
      if (!hasCode(error, 'NOT_FOUND')) throw error;
    });

  return {
    name,
    run: () => runController({ name, queue, reconcile, workers: ctx.settings.workers, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
  };
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

function toInput(namespace: string, slice: EndpointSliceView): EndpointSlice {
  const { metadata, addressType, endpoints, ports } = slice;
  return {
    metadata: {
      namespace,
      ...(metadata.name ? { name: metadata.name, resourceVersion: metadata.resourceVersion } : { generateName: metadata.generateName }),
      labels: metadata.labels,
      ownerReferences: metadata.ownerReferences,
    },
    addressType,
    endpoints,
    ports,
  };
}

// The decisions read their own views of the objects (types.ts): the informers' model
// objects, which the API validated, carry every field those views require.
const serviceView = (service: Service) => service as ServiceView;
const podView = (pod: Pod) => pod as ServicePodView;
const sliceView = (slice: EndpointSlice) => slice as EndpointSliceView;
