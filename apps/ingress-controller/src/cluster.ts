import type { WheelhouseClient } from '@wheelhouse/client';
import { Informer, stripNulls } from '@wheelhouse/controller-runtime';
import type { ServiceView, SliceView } from './endpoints.js';
import type { ClusterSource, SecretView } from './state.js';
import type { IngressClassObject, IngressObject } from './types.js';

const BACKEND = 'service { name port { name number } }';
const INGRESS_FIELDS = `metadata { name namespace uid creationTimestamp annotations } spec { ingressClassName defaultBackend { ${BACKEND} } tls { hosts secretName } rules { host http { paths { path pathType backend { ${BACKEND} } } } } } status { loadBalancer { ingress { ip hostname } } }`;
const CLASS_FIELDS = 'metadata { name annotations } spec { controller }';
const SERVICE_FIELDS = 'metadata { name namespace } spec { ports { name port targetPort } }';
const SLICE_FIELDS = 'metadata { name namespace labels } endpoints { addresses conditions { ready } } ports { name port }';
const SECRET_FIELDS = 'metadata { name namespace } type data';
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

type Obj = { metadata: { name: string; namespace?: string; labels?: Record<string, string> } };

/** Watches what routing needs; `onChange` runs after any change once everything has synced. */
export async function watchCluster(
  client: WheelhouseClient,
  log: (message: string, error?: unknown) => void,
  onChange: () => void,
): Promise<{ source: ClusterSource; stop(): void }> {
  const informer = (plural: string, kind: string, fields: string) =>
    new Informer<Obj>(client, {
      plural,
      kind,
      fields,
      transform: (o) => stripNulls(o) as Obj,
      onError: (error, willRetry) => log(`${plural} watch${willRetry ? ' (retrying)' : ''}`, error),
    });
  const ingresses = informer('ingresses', 'Ingress', INGRESS_FIELDS);
  const classes = informer('ingressClasses', 'IngressClass', CLASS_FIELDS);
  const services = informer('services', 'Service', SERVICE_FIELDS);
  const slices = informer('endpointSlices', 'EndpointSlice', SLICE_FIELDS).addIndexers({
    service: (s) => (s.metadata.labels?.[SERVICE_NAME_LABEL] ? [`${s.metadata.namespace}/${s.metadata.labels[SERVICE_NAME_LABEL]}`] : []),
  });
  const secrets = informer('secrets', 'Secret', SECRET_FIELDS);
  const all = [ingresses, classes, services, slices, secrets];
  let synced = false;
  // Coalesce a burst of watch events into one rebuild.
  let pending = false;
  const changed = () => {
    if (!synced || pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      onChange();
    });
  };
  for (const i of all) i.addEventHandler({ onAdd: changed, onUpdate: changed, onDelete: changed });
  for (const i of all) i.start();
  await Promise.all(all.map((i) => i.waitForSync()));
  synced = true;
  return {
    source: {
      ingresses: () => ingresses.list() as unknown as IngressObject[],
      classes: () => classes.list() as unknown as IngressClassObject[],
      service: (ns, name) => services.get(`${ns}/${name}`) as ServiceView | undefined,
      slices: (ns, name) => slices.byIndex('service', `${ns}/${name}`) as unknown as SliceView[],
      secret: (ns, name) => {
        const s = secrets.get(`${ns}/${name}`) as SecretView | undefined;
        return s?.type === 'kubernetes.io/tls' ? s : undefined;
      },
    },
    stop: () => {
      for (const i of all) i.stop();
    },
  };
}
