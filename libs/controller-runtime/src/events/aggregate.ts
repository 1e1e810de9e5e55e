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

/** An Event's name is a DNS subdomain: at most 253 characters. */
const MAX_NAME = 253;

/**
 * Repeats of the same event (object, reason, message, source) are one Event whose count
 * grows, as Kubernetes' event aggregation does; its name is derived from that key:
 * `<object name>.<hex>`, the object's name shortened when the whole would pass 253
 * characters (a 253-character pod name made its events unwritable), and never ending a
 * DNS label with `-` or `.`.
 */
export function eventName(object: InvolvedObject, record: EventRecord, component: string): string {
  const hash = createHash('sha256').update([object.uid, record.type, record.reason, record.message, component].join('\n')).digest('hex').slice(0, 16);
  const room = MAX_NAME - hash.length - 1;
  const prefix = object.name.length > room ? object.name.slice(0, room).replace(/[^a-z0-9]+$/, '') : object.name;
  return `${prefix}.${hash}`;
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
