import { isConflict, isNotFound, isAlreadyExists, type WheelhouseClient } from '@wheelhouse/client';
import { newEvent, repeatPatch, type EventRecord, type InvolvedObject } from './aggregate.js';

const GET = `query($ns: String, $name: String!) { event(namespace: $ns, name: $name) { count metadata { resourceVersion } } }`;
const CREATE = `mutation($ns: String, $input: EventInput!) { createEvent(namespace: $ns, input: $input) { metadata { name } } }`;
const PATCH = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchEvent(namespace: $ns, name: $name, patch: $patch) { count } }`;

/**
 * Records Events on the objects a controller acts on (SuccessfulCreate,
 * ScalingReplicaSet, ...). Best effort: an event that cannot be written is logged by
 * the caller's onError, never fails the reconcile.
 */
export class EventRecorder {
  constructor(
    private readonly client: WheelhouseClient,
    private readonly component: string,
    private readonly now: () => Date = () => new Date(),
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  record(object: InvolvedObject, type: EventRecord['type'], reason: string, message: string): Promise<void> {
    return this.write(object, { type, reason, message }).catch(this.onError);
  }

  private async write(object: InvolvedObject, record: EventRecord, attempt = 1): Promise<void> {
    const event = newEvent(object, record, this.component, this.now());
    const ns = event.metadata.namespace;
    const { event: existing } = await this.client.request<{ event: { count?: number; metadata: { resourceVersion: string } } | null }>(GET, { ns, name: event.metadata.name });
    try {
      if (!existing) await this.client.request(CREATE, { ns, input: event });
      else await this.client.request(PATCH, { ns, name: event.metadata.name, patch: repeatPatch(existing, this.now()) });
    } catch (error) {
      // Another replica counted the same event meanwhile: count again from the new state.
      if (attempt < 5 && (isConflict(error) || isAlreadyExists(error) || isNotFound(error))) return this.write(object, record, attempt + 1);
      throw error;
    }
  }
}
