import type { KubeObject, WatchEvent } from './types.ts';

/** A cached list at a resourceVersion: what "list, then watch from the list's resourceVersion" patches. */
export interface ListState<T extends KubeObject> {
  resourceVersion: string;
  items: ReadonlyMap<string, T>;
}

/** uid identifies an object across its lifetime; namespace/name is the fallback for objects without one. */
export function keyOf(object: KubeObject): string {
  const { uid, namespace, name } = object.metadata;
  return uid || `${namespace ?? ''}/${name ?? ''}`;
}

/** resourceVersions are digits of one global counter; compare them as numbers, absent as 0. */
export function compareVersions(a: string | null | undefined, b: string | null | undefined): number {
  const x = BigInt(a || '0');
  const y = BigInt(b || '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

export function fromList<T extends KubeObject>(items: readonly T[], resourceVersion: string): ListState<T> {
  return { resourceVersion, items: new Map(items.map((item) => [keyOf(item), item])) };
}

/** A later page of the same list (same resourceVersion): its objects join the cached ones. */
export function addPage<T extends KubeObject>(state: ListState<T>, items: readonly T[]): ListState<T> {
  if (items.length === 0) return state;
  const next = new Map(state.items);
  for (const item of items) next.set(keyOf(item), item);
  return { resourceVersion: state.resourceVersion, items: next };
}

/**
 * Applies a batch of watch events. Events at or below the state's resourceVersion were
 * already in the list (a replay or a duplicate) and are ignored, as is an event older than
 * the cached copy of its object. BOOKMARK only advances the version. Returns the same
 * state object when nothing changed, so renders can be skipped.
 */
export function applyEvents<T extends KubeObject>(state: ListState<T>, events: readonly WatchEvent<T>[]): ListState<T> {
  let items: Map<string, T> | undefined;
  let resourceVersion = state.resourceVersion;
  for (const event of events) {
    const version = event.object.metadata.resourceVersion;
    if (compareVersions(version, resourceVersion) <= 0) continue;
    resourceVersion = version!;
    if (event.type === 'BOOKMARK') continue;
    const key = keyOf(event.object);
    const current = (items ?? state.items).get(key);
    if (current && compareVersions(current.metadata.resourceVersion, version) >= 0) continue;
    items ??= new Map(state.items);
    if (event.type === 'DELETED') items.delete(key);
    else items.set(key, event.object);
  }
  if (!items && resourceVersion === state.resourceVersion) return state;
  return { resourceVersion, items: items ?? state.items };
}
