import { age, elapsedMs } from '@wheelhouse/printers';
import { META } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';

export const NamespaceKind = listKind('Namespace', {
  listSelection: `${META} status { phase }`,
  columns: printerColumns('Namespace', { status: { tone: (n) => (n.status?.phase === 'Terminating' ? 'yellow' : 'green') } }),
});

export const EventKind = listKind('Event', {
  defaultSort: { column: 'lastSeen', direction: 'asc' },
  listSelection: `${META} involvedObject { kind namespace name uid fieldPath } reason message type count firstTimestamp lastTimestamp eventTime series
    source { component host } reportingComponent reportingInstance`,
  columns: printerColumns('Event', {
    type: { tone: (e) => (e.type === 'Warning' ? 'red' : undefined) },
    object: {
      link: (e) =>
        e.involvedObject?.kind && e.involvedObject.name ? { kind: e.involvedObject.kind, namespace: e.involvedObject.namespace, name: e.involvedObject.name } : undefined,
    },
  }),
});

export const LeaseKind = listKind('Lease', {
  listSelection: `${META} spec { holderIdentity leaseDurationSeconds acquireTime renewTime leaseTransitions }`,
  columns: printerColumns('Lease', {}, [
    { id: 'renewed', header: 'Renewed', value: (l, c) => age(l.spec?.renewTime, c.now), sortValue: (l, c) => elapsedMs(l.spec?.renewTime, c.now) ?? 0 },
    { id: 'transitions', header: 'Transitions', value: (l) => l.spec?.leaseTransitions ?? 0, wide: true },
  ]),
});
