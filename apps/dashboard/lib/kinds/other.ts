import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type KindDef } from './kind.ts';
import type { KubeEvent, Lease, Namespace } from './objects.ts';

export const NamespaceKind: KindDef<Namespace> = {
  kind: 'Namespace',
  title: 'Namespaces',
  path: 'namespaces',
  namespaced: false,
  fields: fieldsFor('namespace', 'namespaces'),
  listSelection: `${META} status { phase }`,
  columns: [
    { id: 'status', header: 'Status', value: (n) => n.status?.phase ?? 'Active', tone: (n) => (n.status?.phase === 'Terminating' ? 'yellow' : 'green') },
    { id: 'age', header: 'Age', value: (n, c) => age(n.metadata.creationTimestamp, c.now), sortValue: (n, c) => ageMs(n.metadata.creationTimestamp, c.now) },
  ],
};

/** When an event last happened: lastTimestamp, else eventTime, else creation. */
export function eventTime(e: KubeEvent): string | null | undefined {
  return e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
}

export const EventKind: KindDef<KubeEvent> = {
  kind: 'Event',
  title: 'Events',
  path: 'events',
  namespaced: true,
  fields: fieldsFor('event', 'events'),
  defaultSort: { column: 'lastSeen', direction: 'asc' },
  listSelection: `${META} involvedObject { kind namespace name uid } reason message type count firstTimestamp lastTimestamp eventTime
    source { component host } reportingComponent`,
  columns: [
    { id: 'lastSeen', header: 'Last seen', value: (e, c) => age(eventTime(e), c.now), sortValue: (e, c) => ageMs(eventTime(e), c.now) },
    { id: 'type', header: 'Type', value: (e) => e.type ?? '', tone: (e) => (e.type === 'Warning' ? 'red' : undefined) },
    { id: 'reason', header: 'Reason', value: (e) => e.reason ?? '' },
    {
      id: 'object',
      header: 'Object',
      value: (e) => `${e.involvedObject?.kind?.toLowerCase() ?? ''}/${e.involvedObject?.name ?? ''}`,
      link: (e) =>
        e.involvedObject?.kind && e.involvedObject.name ? { kind: e.involvedObject.kind, namespace: e.involvedObject.namespace, name: e.involvedObject.name } : undefined,
    },
    { id: 'message', header: 'Message', value: (e) => e.message ?? '' },
    { id: 'count', header: 'Count', value: (e) => e.count ?? 1, wide: true },
    { id: 'source', header: 'Source', value: (e) => e.source?.component ?? e.reportingComponent ?? '', wide: true },
  ],
};

export const LeaseKind: KindDef<Lease> = {
  kind: 'Lease',
  title: 'Leases',
  path: 'leases',
  namespaced: true,
  fields: fieldsFor('lease', 'leases'),
  listSelection: `${META} spec { holderIdentity leaseDurationSeconds acquireTime renewTime leaseTransitions }`,
  columns: [
    { id: 'holder', header: 'Holder', value: (l) => l.spec?.holderIdentity ?? '' },
    { id: 'renewed', header: 'Renewed', value: (l, c) => age(l.spec?.renewTime, c.now), sortValue: (l, c) => ageMs(l.spec?.renewTime, c.now) },
    { id: 'age', header: 'Age', value: (l, c) => age(l.metadata.creationTimestamp, c.now), sortValue: (l, c) => ageMs(l.metadata.creationTimestamp, c.now) },
    { id: 'transitions', header: 'Transitions', value: (l) => l.spec?.leaseTransitions ?? 0, wide: true },
  ],
};
