import { cloneJson, isJsonObject, isUnset } from './json-object.js';

/**
 * An event with the defaults Kubernetes' event recorder fills in: count 1, type
 * Normal, and first/last timestamps. The time is a parameter, not the clock, so
 * this stays a pure function. Returns a new object.
 */
export function defaultEvent<T>(event: T, now: Date): T {
  const copy: unknown = cloneJson(event);
  if (!isJsonObject(copy)) return copy as T;
  if (isUnset(copy.count)) copy.count = 1;
  if (isUnset(copy.type)) copy.type = 'Normal';
  // A repeat keeps its first timestamp; one given alone stands for both.
  const first = isUnset(copy.firstTimestamp) ? undefined : copy.firstTimestamp;
  const last = isUnset(copy.lastTimestamp) ? undefined : copy.lastTimestamp;
  const stamp = toRfc3339Seconds(now);
  copy.firstTimestamp = first ?? last ?? stamp;
  copy.lastTimestamp = last ?? copy.firstTimestamp;
  return copy as T;
}

/** metav1.Time's JSON form: RFC 3339 in UTC, whole seconds. */
export function toRfc3339Seconds(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
