// metav1.Time in JSON: RFC 3339 at whole seconds; absent or unparsable means the zero time.
import type { Timestamp } from './vocabulary.js';

/** Milliseconds since the epoch, or undefined for the zero (absent) time. */
export function timeOf(timestamp: Timestamp | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `now` as metav1.Now() serializes it: RFC 3339, seconds precision, UTC. */
export function timestampOf(now: Date): Timestamp {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
