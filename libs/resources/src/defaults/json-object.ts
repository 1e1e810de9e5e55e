/**
 * Helpers for defaulting a private deep copy in place. Public defaulters copy their
 * input first, so callers' objects are never mutated.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of JSON data. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** Unset in Kubernetes JSON: missing, null, or (for strings) empty, as Go's zero values are. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Sets `object[key]` when unset. */
export function setDefault(object: JsonObject, key: string, value: unknown): void {
  if (isUnset(object[key])) object[key] = value;
}

/** `object[key]` as an object, created (empty) when unset; undefined when it holds something else. */
export function ensureObject(object: JsonObject, key: string): JsonObject | undefined {
  if (object[key] === undefined || object[key] === null) object[key] = {};
  const value = object[key];
  return isJsonObject(value) ? value : undefined;
}

/** The object items of `object[key]` when it is an array. */
export function objectItems(object: JsonObject, key: string): JsonObject[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}
