import { createHash } from 'node:crypto';

export interface InvolvedObject {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
}

export interface EventRecord {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/**
 * Repeats of the same event (object, reason, message, source) are one Event whose count
 * grows, as Kubernetes' event aggregation does; its name is derived from that key.
 */
export function eventName(object: InvolvedObject, record: EventRecord, component: string): string {
  const hash = createHash('sha256').update([object.uid, record.type, record.reason, record.message, component].join('\n')).digest('hex').slice(0, 16);
  return `${object.name}.${hash}`;
}

export function newEvent(object: InvolvedObject, record: EventRecord, component: string, now: Date) {
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    metadata: { name: eventName(object, record, component), namespace: object.namespace ?? 'default' },
    involvedObject: object,
    reason: record.reason,
    message: record.message,
    type: record.type,
    source: { component },
    reportingComponent: component,
    count: 1,
    firstTimestamp: at,
    lastTimestamp: at,
  };
}

/** The patch that counts one more repeat of an existing Event. */
export function repeatPatch(existing: { count?: number | null; metadata: { resourceVersion?: string } }, now: Date) {
  return {
    metadata: { resourceVersion: existing.metadata.resourceVersion },
    count: (existing.count ?? 1) + 1,
    lastTimestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}
