// Ingresses and IngressClasses in the dashboard: kubectl's columns from @wheelhouse/printers,
// plus the backend Services (linked) and which class is the default.
import type { Ingress } from '@wheelhouse/model';
import { META } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';

/** Every Service an Ingress routes to, default backend first. */
export function ingressServices(i: Ingress): string[] {
  const names = [i.spec?.defaultBackend?.service?.name, ...(i.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name))];
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}

const BACKEND = 'backend { service { name port { name number } } }';

export const IngressKind = listKind('Ingress', {
  listSelection: `${META} spec { ingressClassName defaultBackend { service { name port { name number } } } tls { hosts secretName } rules { host http { paths { path pathType ${BACKEND} } } } } status { loadBalancer { ingress { ip hostname } } }`,
  columns: printerColumns('Ingress', {}, [
    {
      id: 'services',
      header: 'Services',
      value: (i) => ingressServices(i).join(','),
      link: (i) => {
        const first = ingressServices(i)[0];
        return first ? { kind: 'Service', namespace: i.metadata.namespace, name: first } : undefined;
      },
    },
  ]),
});

export const IngressClassKind = listKind('IngressClass', {
  listSelection: `${META.replace('metadata {', 'metadata { annotations')} spec { controller parameters { apiGroup kind name } }`,
  columns: printerColumns('IngressClass', {}, [
    { id: 'default', header: 'Default', value: (c) => (c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true' ? 'yes' : '') },
  ]),
});

export interface IngressRuleRow {
  host: string;
  path: string;
  pathType: string;
  service: string;
  port: string;
  tls: string;
}

type Backend = NonNullable<NonNullable<Ingress['spec']>['defaultBackend']>;

/** An Ingress's routes as rows (kubectl describe's Rules table): one per path, the default backend last. */
export function ingressRuleRows(i: Ingress): IngressRuleRow[] {
  const tlsFor = (host: string) => (i.spec?.tls ?? []).find((t) => (t.hosts ?? []).includes(host))?.secretName ?? '';
  const port = (b: Backend | undefined) => {
    const p = b?.service?.port;
    return p?.name || (p?.number != null ? String(p.number) : '');
  };
  const rows: IngressRuleRow[] = (i.spec?.rules ?? []).flatMap((r) =>
    (r.http?.paths ?? []).map((p) => ({
      host: r.host || '*',
      path: p.path || '/',
      pathType: p.pathType ?? '',
      service: p.backend?.service?.name ?? '',
      port: port(p.backend),
      tls: r.host ? tlsFor(r.host) : '',
    })),
  );
  const fallback = i.spec?.defaultBackend;
  if (fallback?.service?.name) rows.push({ host: '(default backend)', path: '', pathType: '', service: fallback.service.name, port: port(fallback), tls: '' });
  return rows;
}
