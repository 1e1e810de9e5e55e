// Scheduled / FailedScheduling events, written in bulk (createEvents per namespace) instead
// of one to three API calls each: at thousands of pods a second the per-event writes would
// cost more than the bindings. Best effort, as kube-scheduler's event broadcaster: a batch
// the API refuses falls back to the aggregating recorder, one event at a time, and
// beyond `maxPending` events are dropped and counted.
import type { Clientset } from '@wheelhouse/client';
import { newEvent, type EventRecord, type EventRecorder, type InvolvedObject } from '@wheelhouse/controller-runtime';

export interface EventBatcherOptions {
  flushMs?: number;
  maxBatch?: number;
  maxPending?: number;
  onError?: (error: unknown) => void;
}

export class EventBatcher {
  private pending: { object: InvolvedObject; record: EventRecord }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  dropped = 0;

  constructor(
    private readonly clientset: Clientset,
    private readonly component: string,
    private readonly fallback: EventRecorder,
    private readonly now: () => Date,
    private readonly options: EventBatcherOptions = {},
  ) {}

  record(object: InvolvedObject, type: EventRecord['type'], reason: string, message: string): void {
    if (this.pending.length >= (this.options.maxPending ?? 10_000)) {
      this.dropped++;
      return;
    }
    this.pending.push({ object, record: { type, reason, message } });
    if (this.pending.length >= (this.options.maxBatch ?? 500)) this.flushSoon(0);
    else this.flushSoon(this.options.flushMs ?? 200);
  }

  /** Writes what is pending now; resolves when every batch so far is written (or given up). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async write(batch: { object: InvolvedObject; record: EventRecord }[]): Promise<void> {
    const byNamespace = new Map<string, ReturnType<typeof newEvent>[]>();
    const seen = new Set<string>();
    const repeats: typeof batch = [];
    for (const item of batch) {
      const event = newEvent(item.object, item.record, this.component, this.now());
      const key = `${event.metadata.namespace}/${event.metadata.name}`;
      // The same event twice in a batch is a repeat: the recorder counts it on the first.
      if (seen.has(key)) {
        repeats.push(item);
        continue;
      }
      seen.add(key);
      const list = byNamespace.get(event.metadata.namespace) ?? [];
      list.push(event);
      byNamespace.set(event.metadata.namespace, list);
    }
    await Promise.all(
      [...byNamespace].map(async ([ns, events]) => {
        try {
          await this.clientset.events.createMany(events, { namespace: ns, select: 'metadata { name }' });
        } catch {
          // One event already existing (a repeat) fails the all-or-nothing batch: count each on its own.
          await Promise.all(events.map((e) => this.fallback.record(e.involvedObject, e.type as EventRecord['type'], e.reason, e.message)));
        }
      }),
    ).catch((e) => this.options.onError?.(e));
    for (const { object, record } of repeats) await this.fallback.record(object, record.type, record.reason, record.message);
  }
}
