// Services, EndpointSlices and Endpoints in the dashboard: kubectl's columns from @wheelhouse/printers,
// plus the slice's Service link and ready count.
import type { EndpointSlice } from '@wheelhouse/model';
import { META } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';

export const ServiceKind = listKind('Service', {
  listSelection: `${META} spec { type clusterIP clusterIPs externalName externalIPs selector ports { name port protocol nodePort targetPort } } status { loadBalancer { ingress { ip hostname } } }`,
  columns: printerColumns('Service', { externalIp: { tone: (s) => (s.spec?.type === 'LoadBalancer' && !s.status?.loadBalancer?.ingress?.length ? 'yellow' : undefined) } }),
});

const serviceOf = (s: EndpointSlice) => s.metadata.labels?.['kubernetes.io/service-name'];

export const EndpointSliceKind = listKind('EndpointSlice', {
  listSelection: `${META} addressType endpoints { addresses conditions { ready serving terminating } } ports { name port protocol }`,
  columns: [
    {
      id: 'service',
      header: 'Service',
      value: (s) => serviceOf(s) ?? '',
      link: (s) => {
        const name = serviceOf(s);
        return name ? { kind: 'Service', namespace: s.metadata.namespace, name } : undefined;
      },
    },
    ...printerColumns('EndpointSlice', {}, [
      {
        id: 'ready',
        header: 'Ready',
        value: (s) => `${(s.endpoints ?? []).filter((e) => e.conditions?.ready !== false).length}/${(s.endpoints ?? []).length}`,
        tone: (s) => ((s.endpoints ?? []).some((e) => e.conditions?.ready === false) ? 'yellow' : 'green'),
      },
    ]),
  ],
});

export const EndpointsKind = listKind('Endpoints', {
  listSelection: `${META} subsets { addresses { ip } notReadyAddresses { ip } ports { name port protocol } }`,
});
