import type { WheelhouseClient } from '@wheelhouse/client';
import { Informer, stripNulls } from '@wheelhouse/controller-runtime';
import type { ClusterView, DnsService, DnsSlice } from './cluster-view.js';

const SERVICE_FIELDS = `metadata { name namespace } spec { type clusterIP externalName ports { name protocol port } }`;
const SLICE_FIELDS = `metadata { name namespace labels } addressType endpoints { addresses conditions { ready } hostname } ports { name protocol port }`;
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

type Obj = { metadata: { name: string; namespace?: string; labels?: Record<string, string> } };

/** Services, EndpointSlices and Namespaces watched through the API, as the resolver's view. */
export async function watchCluster(client: WheelhouseClient, log: (message: string, error?: unknown) => void, signal?: AbortSignal): Promise<{ view: ClusterView; stop(): void }> {
  const informer = (plural: string, kind: string, fields: string) =>
    new Informer<Obj>(client, {
      plural,
      kind,
      fields,
      transform: (o) => stripNulls(o) as Obj,
      onError: (error, willRetry) => log(`${plural} watch${willRetry ? ' (retrying)' : ''}`, error),
    });
  const services = informer('services', 'Service', SERVICE_FIELDS).addIndexers({
    clusterIP: (s) => {
      const ip = (s as DnsService).spec?.clusterIP;
      return ip && ip !== 'None' ? [ip] : [];
    },
  });
  const slices = informer('endpointSlices', 'EndpointSlice', SLICE_FIELDS).addIndexers({
    service: (s) => (s.metadata.labels?.[SERVICE_NAME_LABEL] ? [`${s.metadata.namespace}/${s.metadata.labels[SERVICE_NAME_LABEL]}`] : []),
    address: (s) => ((s as DnsSlice).endpoints ?? []).flatMap((e) => e.addresses),
  });
  const namespaces = informer('namespaces', 'Namespace', 'metadata { name }');
  const all = [services, slices, namespaces];
  for (const i of all) i.start();
  await Promise.all(all.map((i) => i.waitForSync(signal)));
  return {
    view: {
      service: (namespace, name) => services.get(`${namespace}/${name}`) as DnsService | undefined,
      slices: (namespace, name) => slices.byIndex('service', `${namespace}/${name}`) as unknown as DnsSlice[],
      namespaceExists: (namespace) => namespaces.get(namespace) !== undefined,
      servicesByClusterIP: (ip) => services.byIndex('clusterIP', ip) as DnsService[],
      endpointsByAddress: (ip) =>
        (slices.byIndex('address', ip) as (Obj & DnsSlice)[]).flatMap((slice) => {
          const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
          if (!service) return [];
          return (slice.endpoints ?? []).filter((e) => e.addresses.includes(ip)).map((endpoint) => ({ namespace: slice.metadata.namespace ?? '', service, endpoint }));
        }),
    },
    stop: () => {
      for (const i of all) i.stop();
    },
  };
}
