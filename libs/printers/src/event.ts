/** Events as kubectl prints and orders them (printEvent, formatEventSource, SortableEvents). */
import type { Event } from '@wheelhouse/model';
import { age } from './duration.js';

const seriesField = (e: Event, field: string) => (e.series as Record<string, unknown> | undefined)?.[field];

/** FIRST SEEN: firstTimestamp, else eventTime (events.k8s.io events have no firstTimestamp). */
export const eventFirstSeen = (e: Event, now: number) => (e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now));

/** LAST SEEN: the series' last observation, else lastTimestamp, else the first sighting. */
export function eventLastSeen(e: Event, now: number): string {
  const observed = seriesField(e, 'lastObservedTime');
  if (typeof observed === 'string') return age(observed, now);
  return e.lastTimestamp ? age(e.lastTimestamp, now) : eventFirstSeen(e, now);
}

/** COUNT: the series count, else count, and 1 for singletons (the new API leaves count unset). */
export function eventCount(e: Event): number {
  const series = seriesField(e, 'count');
  if (typeof series === 'number') return series;
  return e.count || 1;
}

/** OBJECT: `pod/web-1`, or the kind alone when the event names no object. */
export function eventObject(e: Event): string {
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

/** SOURCE / From: component (or reportingController), then host (or reportingInstance). */
export function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/**
 * When an event last happened, in microseconds since the epoch: RFC 3339 timestamps keep
 * their sub-second digits (eventTime is a MicroTime), which Date.parse would cut to ms.
 */
export function eventTimeKey(e: Event): number {
  const observed = seriesField(e, 'lastObservedTime');
  const stamp = (typeof observed === 'string' && observed) || e.lastTimestamp || e.eventTime || e.firstTimestamp || e.metadata.creationTimestamp;
  if (!stamp) return 0;
  const fraction = /\.(\d+)/.exec(stamp)?.[1] ?? '';
  const whole = Date.parse(stamp.replace(/\.\d+/, ''));
  if (Number.isNaN(whole)) return 0;
  return whole * 1000 + Number(`0.${fraction || '0'}`) * 1e6;
}

const resourceVersionOf = (e: Event) => {
  const rv = e.metadata.resourceVersion;
  return rv && /^\d+$/.test(rv) ? BigInt(rv) : 0n;
};

/**
 * Oldest first, as kubectl describe lists them: by when they last happened (sub-second
 * precision where stored), then by resourceVersion, the order the API wrote them in,
 * so events of the same second keep their real order.
 */
export function compareEvents(a: Event, b: Event): number {
  const byTime = eventTimeKey(a) - eventTimeKey(b);
  if (byTime !== 0) return byTime;
  const ra = resourceVersionOf(a);
  const rb = resourceVersionOf(b);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

export const sortEvents = <T extends Event>(events: readonly T[]): T[] => [...events].sort(compareEvents);
