import { cloneJson, ensureObject, isJsonObject } from './json-object.js';

/**
 * Kubernetes defines no defaults for Leases; this only guarantees a spec object so
 * readers need not check for one. Returns a new object.
 */
export function defaultLease<T>(lease: T): T {
  const copy = cloneJson(lease);
  if (isJsonObject(copy)) ensureObject(copy, 'spec');
  return copy;
}
