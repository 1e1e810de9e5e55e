/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => sameJson(ao[k], bo[k]));
}

/** True when every field of `ours` equals the same field of `theirs` (fields only they have are ignored). */
export function coveredBy(ours: Record<string, unknown>, theirs: Record<string, unknown> | undefined): boolean {
  if (!theirs) return false;
  return Object.keys(ours).every((k) => ours[k] === undefined || sameJson(ours[k], theirs[k]));
}
