import { hasCode } from '@wheelhouse/client';
import { WorkQueue, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import type { Endpoints, Pod, Service } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { sameJson } from '../endpointslice/decide.js';
import { selectsPod } from '../endpointslice/pod-endpoint.js';
import type { ServicePodView, ServiceView } from '../endpointslice/types.js';
import { decideEndpoints } from './decide.js';

/** What a write's answer needs: the stale-cache guard compares resourceVersions. */
const WRITTEN = { select: 'metadata { name resourceVersion }' };

/**
 * The Endpoints controller: keeps the v1 Endpoints object of every selector Service (the
 * mirror older clients read) in step with its pods, as pkg/controller/endpoint does.
 */
export function endpointsController(ctx: ManagerContext): PreparedController {
  const name = 'endpoints-controller';
  const queue = new WorkQueue();
  const services = ctx.informers.informerFor('Service');
  const endpoints = ctx.informers.informerFor('Endpoints');
  const pods = ctx.informers.informerFor('Pod');
  const endpointsClient = ctx.clientset.endpointsList;
  /** The resourceVersion each Endpoints had after this controller's last write (stale-cache guard). */
  const lastWritten = new Map<string, bigint>();

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
  endpoints.addEventHandler({ onUpdate: (_o, e) => queue.add(keyOf(e)), onDelete: (e) => queue.add(keyOf(e)) });

  const reconcile = async (key: string) => {
    const [namespace, serviceName] = key.split('/') as [string, string];
    const current = endpoints.get(key);
    const written = lastWritten.get(key);
    if (written !== undefined && (!current || BigInt(current.metadata.resourceVersion ?? '0') < written)) return requeueAfter(50);
    const cachedService = services.get(key);
    const service = cachedService && serviceView(cachedService);
    if (!service) {
      lastWritten.delete(key);
      if (current) {
        await endpointsClient.delete({ namespace, name: serviceName }, { select: 'metadata { name }' }).catch((error: unknown) => {
          if (!hasCode(error, 'NOT_FOUND')) throw error;
        });
      }
      return done();
    }
    const selected = pods
      .list(namespace)
      .map(podView)
      .filter((p) => selectsPod(service, p));
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
    const input: Endpoints = {
      metadata: {
        name: serviceName,
        namespace,
        labels: desired.labels,
        annotations: desired.annotations,
        ...(current ? { resourceVersion: current.metadata.resourceVersion } : {}),
      },
      subsets: desired.subsets,
    };
    const data = current ? await endpointsClient.replace(input, WRITTEN) : await endpointsClient.create(input, WRITTEN);
    lastWritten.set(key, BigInt(data.metadata.resourceVersion ?? '0'));
    return done();
  };

  return {
    name,
    run: () => runController({ name, queue, reconcile, workers: ctx.settings.workers, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
  };
}

// The decisions read their own views of the objects (endpointslice/types.ts): the
// informers' model objects, which the API validated, carry every field those views require.
const serviceView = (service: Service) => service as ServiceView;
const podView = (pod: Pod) => pod as ServicePodView;
