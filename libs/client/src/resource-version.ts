/**
 * resourceVersions are decimal strings from one global counter. Compare them as
 * BigInt: as strings "9" > "10", and as numbers they lose precision past 2^53.
 */
export function parseResourceVersion(rv: unknown): bigint | undefined {
  return typeof rv === 'string' && /^\d+$/.test(rv) ? BigInt(rv) : undefined;
}

/** True when `rv` comes strictly after `last`; unparseable versions are never "newer". */
export function isNewer(rv: string, last: string | undefined): boolean {
  const a = parseResourceVersion(rv);
  if (a === undefined) return false;
  const b = parseResourceVersion(last);
  return b === undefined || a > b;
}

/** `object.metadata.resourceVersion`, if the object has one. */
export function resourceVersionOf(object: unknown): string | undefined {
  const metadata = (object as { metadata?: { resourceVersion?: unknown } } | null)?.metadata;
  return typeof metadata?.resourceVersion === 'string' ? metadata.resourceVersion : undefined;
}
