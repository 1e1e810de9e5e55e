// Kubelet events (BackOff, Unhealthy, Killing, …), best effort and bounded: a burst
// (10,000 pods deleted at once) must not become 20,000 API calls in flight. Like
// client-go's broadcaster, events beyond the queue are dropped.
import type { EventRecorder, InvolvedObject } from '@wheelhouse/controller-runtime';

export class BoundedEvents {
  private readonly queue: (() => Promise<void>)[] = [];
  private inFlight = 0;
  dropped = 0;

  constructor(
    private readonly recorder: Pick<EventRecorder, 'record'>,
    private readonly maxInFlight = 4,
    private readonly maxQueued = 1000,
  ) {}

  record(object: InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (this.queue.length >= this.maxQueued) {
      this.dropped++;
      return;
    }
    this.queue.push(() => this.recorder.record(object, type, reason, message));
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.inFlight++;
      void next()
        .catch(() => {})
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
