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
