import { stringify } from 'yaml';

/** Drops null and undefined members, recursively (GraphQL returns null for every unset field). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** Keys in alphabetical order at every level, as `kubectl get -o yaml` prints them, so revisions diff line by line. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** An object as YAML, the way kubectl shows it. */
export function toYaml(object: unknown): string {
  return stringify(sortedKeys(withoutNulls(object)), { lineWidth: 0 });
}
