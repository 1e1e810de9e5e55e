import { selectableSnapshot, snapshotMatches, type Change, type ObjectFilter } from '@wheelhouse/db';
import type { KindInfo } from '@wheelhouse/resources';
import type { WatchEvent } from './watch-event.js';

/**
 * What a filtered watcher sees of one change, as Kubernetes' watch cache does: an
 * object that starts matching is ADDED, one that stops matching is DELETED, and
 * changes the filter never matched are not sent.
 */
export function classifyChange(kind: KindInfo, filter: ObjectFilter, change: Change): WatchEvent | null {
  if (change.kind !== kind.kind) return null;
  const matchesNow = snapshotMatches(filter, selectableSnapshot(kind, change.object));
  if (change.type === 'ADDED') return matchesNow ? { type: 'ADDED', object: change.object } : null;
  if (change.type === 'DELETED') return matchesNow ? { type: 'DELETED', object: change.object } : null;
  const matchedBefore = change.prev ? snapshotMatches(filter, change.prev) : matchesNow;
  if (matchesNow && matchedBefore) return { type: 'MODIFIED', object: change.object };
  if (matchesNow) return { type: 'ADDED', object: change.object };
  if (matchedBefore) return { type: 'DELETED', object: change.object };
  return null;
}
