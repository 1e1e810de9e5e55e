// Services, EndpointSlices and Endpoints in the dashboard: kubectl's columns.
import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type KindDef } from './kind.ts';
import type { AnyObject } from './objects.ts';

type Port = { name?: string | null; port?: number | null; protocol?: string | null; nodePort?: number | null };

export interface Service extends AnyObject {
  spec?: {
    type?: string | null;
    clusterIP?: string | null;
    externalName?: string | null;
    externalIPs?: string[] | null;
    selector?: Record<string, string> | null;
    ports?: Port[] | null;
  } | null;
  status?: { loadBalancer?: { ingress?: { ip?: string | null; hostname?: string | null }[] | null } | null } | null;
}

export interface EndpointSlice extends AnyObject {
  addressType?: string | null;
  endpoints?: { addresses?: string[] | null; conditions?: { ready?: boolean | null } | null }[] | null;
  ports?: Port[] | null;
}

export interface Endpoints extends AnyObject {
  subsets?: { addresses?: { ip: string }[] | null; notReadyAddresses?: { ip: string }[] | null; ports?: Port[] | null }[] | null;
}

const ageColumn = <T extends AnyObject>() => ({
  id: 'age',
  header: 'Age',
  value: (o: T, c: { now: number }) => age(o.metadata.creationTimestamp, c.now),
  sortValue: (o: T, c: { now: number }) => ageMs(o.metadata.creationTimestamp, c.now),
});

/** kubectl's EXTERNAL-IP: LoadBalancer ingress or <pending>, external IPs, or the ExternalName. */
export function serviceExternalIP(s: Service): string {
  const external = s.spec?.externalIPs ?? [];
  if (s.spec?.type === 'ExternalName') return s.spec.externalName ?? '<none>';
  if (s.spec?.type === 'LoadBalancer') {
    const ingress = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
    return [...ingress, ...external].join(',') || '<pending>';
  }
  return external.join(',') || '<none>';
}

/** kubectl's PORT(S): `80/TCP`, `80:30080/TCP`. */
export function servicePorts(s: Service): string {
  const ports = s.spec?.ports ?? [];
  return ports.length ? ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') : '<none>';
}

const firstThree = (values: string[], empty: string) =>
  values.length === 0 ? empty : values.length > 3 ? `${values.slice(0, 3).join(',')} + ${values.length - 3} more...` : values.join(',');

export const ServiceKind: KindDef<Service> = {
  kind: 'Service',
  title: 'Services',
  path: 'services',
  namespaced: true,
  fields: fieldsFor('service', 'services'),
  listSelection: `${META} spec { type clusterIP externalName externalIPs selector ports { name port protocol nodePort targetPort } } status { loadBalancer { ingress { ip hostname } } }`,
  columns: [
    { id: 'type', header: 'Type', value: (s) => s.spec?.type ?? 'ClusterIP' },
    { id: 'clusterIP', header: 'Cluster IP', value: (s) => s.spec?.clusterIP || '<none>' },
    { id: 'externalIP', header: 'External IP', value: serviceExternalIP, tone: (s) => (serviceExternalIP(s) === '<pending>' ? 'yellow' : undefined) },
    { id: 'ports', header: 'Ports', value: servicePorts },
    ageColumn<Service>(),
    {
      id: 'selector',
      header: 'Selector',
      value: (s) =>
        Object.entries(s.spec?.selector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
      wide: true,
    },
  ],
};

export const EndpointSliceKind: KindDef<EndpointSlice> = {
  kind: 'EndpointSlice',
  title: 'EndpointSlices',
  path: 'endpointslices',
  namespaced: true,
  fields: fieldsFor('endpointSlice', 'endpointSlices'),
  listSelection: `${META} addressType endpoints { addresses conditions { ready serving terminating } } ports { name port protocol }`,
  columns: [
    {
      id: 'service',
      header: 'Service',
      value: (s) => s.metadata.labels?.['kubernetes.io/service-name'] ?? '',
      link: (s) => {
        const name = s.metadata.labels?.['kubernetes.io/service-name'];
        return name ? { kind: 'Service', namespace: s.metadata.namespace, name } : undefined;
      },
    },
    { id: 'addressType', header: 'Address type', value: (s) => s.addressType ?? '' },
    {
      id: 'ports',
      header: 'Ports',
      value: (s) =>
        firstThree(
          (s.ports ?? []).map((p) => (p.port != null ? String(p.port) : p.name || '*')),
          '<unset>',
        ),
    },
    {
      id: 'endpoints',
      header: 'Endpoints',
      value: (s) =>
        firstThree(
          (s.endpoints ?? []).flatMap((e) => e.addresses ?? []),
          '<unset>',
        ),
    },
    {
      id: 'ready',
      header: 'Ready',
      value: (s) => `${(s.endpoints ?? []).filter((e) => e.conditions?.ready !== false).length}/${(s.endpoints ?? []).length}`,
      tone: (s) => ((s.endpoints ?? []).some((e) => e.conditions?.ready === false) ? 'yellow' : 'green'),
    },
    ageColumn<EndpointSlice>(),
  ],
};

export const EndpointsKind: KindDef<Endpoints> = {
  kind: 'Endpoints',
  title: 'Endpoints',
  path: 'endpoints',
  namespaced: true,
  fields: fieldsFor('endpoints', 'endpointsList'),
  listSelection: `${META} subsets { addresses { ip } notReadyAddresses { ip } ports { name port protocol } }`,
  columns: [
    {
      id: 'endpoints',
      header: 'Endpoints',
      value: (e) =>
        firstThree(
          (e.subsets ?? []).flatMap((ss) =>
            (ss.ports ?? []).length ? (ss.ports ?? []).flatMap((p) => (ss.addresses ?? []).map((a) => `${a.ip}:${p.port}`)) : (ss.addresses ?? []).map((a) => a.ip),
          ),
          '<none>',
        ),
    },
    ageColumn<Endpoints>(),
  ],
};
