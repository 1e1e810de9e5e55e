import { createClientset, isAlreadyExists, isConflict, isNotFound, type WheelhouseClient } from '@wheelhouse/client';
import { newEvent, repeatPatch, type EventRecord, type InvolvedObject } from './aggregate.js';

/**
 * Records Events on the objects a controller acts on (SuccessfulCreate,
 * ScalingReplicaSet, ...). Best effort: an event that cannot be written is logged by
 * the caller's onError, never fails the reconcile.
 */
export class EventRecorder {
  private readonly events;

  constructor(
    client: WheelhouseClient,
    private readonly component: string,
    private readonly now: () => Date = () => new Date(),
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.events = createClientset(client).events;
  }

  record(object: InvolvedObject, type: EventRecord['type'], reason: string, message: string): Promise<void> {
    return this.write(object, { type, reason, message }).catch(this.onError);
  }

  private async write(object: InvolvedObject, record: EventRecord, attempt = 1): Promise<void> {
    const event = newEvent(object, record, this.component, this.now());
    const existing = await this.events.get(event.metadata, { select: 'count metadata { resourceVersion }' });
    try {
      if (!existing) await this.events.create(event, { select: 'metadata { name }' });
      else await this.events.patch(event.metadata, repeatPatch(existing, this.now()), { select: 'count' });
    } catch (error) {
      // Another replica counted the same event meanwhile: count again from the new state.
      if (attempt < 5 && (isConflict(error) || isAlreadyExists(error) || isNotFound(error))) return this.write(object, record, attempt + 1);
      throw error;
    }
  }
}
