// JSON compared the way apimachinery's semantic equality compares Go objects: an empty
// list or map equals an absent one, and key order never matters.

/** `value` with nulls, empty arrays and empty objects removed, recursively (undefined if nothing is left). */
export function semanticNormalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value.map((item) => semanticNormalize(item) ?? null);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, semanticNormalize(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/** A canonical JSON text: normalized as above with keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(semanticNormalize(value) ?? null);
}
