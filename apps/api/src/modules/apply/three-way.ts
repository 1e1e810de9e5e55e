/**
 * kubectl's client-side apply for JSON objects: the merge patch that turns the last
 * applied manifest into the new one. Fields the user dropped from the manifest become
 * null (deleted); fields set by others (never in a manifest) are left alone.
 */
export function applyPatch(lastApplied: unknown, manifest: unknown): unknown {
  if (!isObject(manifest)) return manifest;
  const previous = isObject(lastApplied) ? lastApplied : {};
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(previous)) if (!(key in manifest)) patch[key] = null;
  for (const [key, value] of Object.entries(manifest)) patch[key] = isObject(value) ? applyPatch(previous[key], value) : value;
  return patch;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
