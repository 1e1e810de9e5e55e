import type { Change } from '@wheelhouse/db';

export type ChangeListener = (changes: Change[]) => void;

/** Fans each batch the tail reads out to every watch in this process; watches filter for themselves. */
export class Broadcaster {
  private readonly listeners = new Set<ChangeListener>();
  /** The newest revision published (everything up to it has been delivered to listeners). */
  lastRevision = 0n;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  publish(changes: Change[]): void {
    if (changes.length === 0) return;
    this.lastRevision = changes[changes.length - 1]!.revision;
    for (const listener of this.listeners) listener(changes);
  }
}
