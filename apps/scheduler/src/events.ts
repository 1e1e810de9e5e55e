import { createHash } from 'node:crypto';
import { isAlreadyExists, isConflict, isNotFound, type WheelhouseClient } from '@wheelhouse/client';

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

const GET = `query($ns: String, $name: String!) { event(namespace: $ns, name: $name) { count metadata { resourceVersion } } }`;
const CREATE = `mutation($ns: String, $input: EventInput!) { createEvent(namespace: $ns, input: $input) { metadata { name } } }`;
const PATCH = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchEvent(namespace: $ns, name: $name, patch: $patch) { count } }`;

const stamp = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Repeats of the same event are one Event whose count grows; its name derives from that key. */
export function eventName(object: InvolvedObject, record: EventRecord, component: string): string {
  const hash = createHash('sha256').update([object.uid, record.type, record.reason, record.message, component].join('\n')).digest('hex').slice(0, 16);
  return `${object.name}.${hash}`;
}

/** Best-effort Events (Scheduled, FailedScheduling), aggregated like the controller-manager's. */
export class EventRecorder {
  constructor(
    private readonly client: WheelhouseClient,
    private readonly component: string,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(object: InvolvedObject, type: EventRecord['type'], reason: string, message: string): Promise<void> {
    return this.write(object, { type, reason, message }).catch(this.onError);
  }

  private async write(object: InvolvedObject, record: EventRecord, attempt = 1): Promise<void> {
    const name = eventName(object, record, this.component);
    const ns = object.namespace ?? 'default';
    const at = stamp(this.now());
    const { event: existing } = await this.client.request<{ event: { count?: number | null; metadata: { resourceVersion: string } } | null }>(GET, { ns, name });
    try {
      if (!existing) {
        const input = {
          metadata: { name, namespace: ns },
          involvedObject: object,
          reason: record.reason,
          message: record.message,
          type: record.type,
          source: { component: this.component },
          reportingComponent: this.component,
          count: 1,
          firstTimestamp: at,
          lastTimestamp: at,
        };
        await this.client.request(CREATE, { ns, input });
      } else {
        const patch = { metadata: { resourceVersion: existing.metadata.resourceVersion }, count: (existing.count ?? 1) + 1, lastTimestamp: at };
        await this.client.request(PATCH, { ns, name, patch });
      }
    } catch (error) {
      if (attempt < 5 && (isConflict(error) || isAlreadyExists(error) || isNotFound(error))) return this.write(object, record, attempt + 1);
      throw error;
    }
  }
}
