/**
 * Freezes a JSON value and everything inside it. Objects in the informer cache
 * are shared by every reader; freezing turns an accidental mutation (which would
 * silently corrupt the cache and skip a write) into a TypeError in strict mode.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
