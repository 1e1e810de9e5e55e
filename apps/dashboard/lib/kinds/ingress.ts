// Ingresses and IngressClasses in the dashboard: kubectl's columns, backend Services linked.
import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type KindDef } from './kind.ts';
import type { AnyObject } from './objects.ts';

type Backend = { service?: { name?: string | null; port?: { name?: string | null; number?: number | null } | null } | null } | null;

export interface Ingress extends AnyObject {
  spec?: {
    ingressClassName?: string | null;
    defaultBackend?: Backend;
    tls?: { hosts?: string[] | null; secretName?: string | null }[] | null;
    rules?: { host?: string | null; http?: { paths?: { path?: string | null; pathType?: string | null; backend?: Backend }[] | null } | null }[] | null;
  } | null;
  status?: { loadBalancer?: { ingress?: { ip?: string | null; hostname?: string | null }[] | null } | null } | null;
}

export interface IngressClass extends AnyObject {
  spec?: { controller?: string | null } | null;
}

const ageColumn = <T extends AnyObject>() => ({
  id: 'age',
  header: 'Age',
  value: (o: T, c: { now: number }) => age(o.metadata.creationTimestamp, c.now),
  sortValue: (o: T, c: { now: number }) => ageMs(o.metadata.creationTimestamp, c.now),
});

/** Every Service an Ingress routes to, default backend first. */
export function ingressServices(i: Ingress): string[] {
  const names = [i.spec?.defaultBackend?.service?.name, ...(i.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name))];
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}

const BACKEND = 'backend { service { name port { name number } } }';

export const IngressKind: KindDef<Ingress> = {
  kind: 'Ingress',
  title: 'Ingresses',
  path: 'ingresses',
  namespaced: true,
  fields: fieldsFor('ingress', 'ingresses'),
  listSelection: `${META} spec { ingressClassName defaultBackend { service { name port { name number } } } tls { hosts secretName } rules { host http { paths { path pathType ${BACKEND} } } } } status { loadBalancer { ingress { ip hostname } } }`,
  columns: [
    { id: 'class', header: 'Class', value: (i) => i.spec?.ingressClassName ?? '<none>' },
    { id: 'hosts', header: 'Hosts', value: (i) => (i.spec?.rules ?? []).map((r) => r.host || '*').join(',') || '*' },
    {
      id: 'address',
      header: 'Address',
      value: (i) => (i.status?.loadBalancer?.ingress ?? []).map((a) => a.ip || a.hostname || '').join(','),
    },
    { id: 'ports', header: 'Ports', value: (i) => ((i.spec?.tls ?? []).length ? '80, 443' : '80') },
    {
      id: 'services',
      header: 'Services',
      value: (i) => ingressServices(i).join(','),
      link: (i) => {
        const first = ingressServices(i)[0];
        return first ? { kind: 'Service', namespace: i.metadata.namespace, name: first } : undefined;
      },
    },
    ageColumn<Ingress>(),
  ],
};

export const IngressClassKind: KindDef<IngressClass> = {
  kind: 'IngressClass',
  title: 'IngressClasses',
  path: 'ingressclasses',
  namespaced: false,
  fields: fieldsFor('ingressClass', 'ingressClasses'),
  listSelection: `${META.replace('metadata {', 'metadata { annotations')} spec { controller }`,
  columns: [
    { id: 'controller', header: 'Controller', value: (c) => c.spec?.controller ?? '' },
    {
      id: 'default',
      header: 'Default',
      value: (c) => (c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true' ? 'yes' : ''),
    },
    ageColumn<IngressClass>(),
  ],
};

export interface IngressRuleRow {
  host: string;
  path: string;
  pathType: string;
  service: string;
  port: string;
  tls: string;
}

/** An Ingress's routes as rows (kubectl describe's Rules table): one per path, the default backend last. */
export function ingressRuleRows(i: Ingress): IngressRuleRow[] {
  const tlsFor = (host: string) => (i.spec?.tls ?? []).find((t) => (t.hosts ?? []).includes(host))?.secretName ?? '';
  const port = (b: Backend) => {
    const p = b?.service?.port;
    return p?.name || (p?.number != null ? String(p.number) : '');
  };
  const rows: IngressRuleRow[] = (i.spec?.rules ?? []).flatMap((r) =>
    (r.http?.paths ?? []).map((p) => ({
      host: r.host || '*',
      path: p.path || '/',
      pathType: p.pathType ?? '',
      service: p.backend?.service?.name ?? '',
      port: port(p.backend ?? null),
      tls: r.host ? tlsFor(r.host) : '',
    })),
  );
  const fallback = i.spec?.defaultBackend;
  if (fallback?.service?.name) rows.push({ host: '(default backend)', path: '', pathType: '', service: fallback.service.name, port: port(fallback), tls: '' });
  return rows;
}
