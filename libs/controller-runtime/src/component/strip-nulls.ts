/**
 * GraphQL returns every selected field, null when unset; Kubernetes JSON omits them.
 * Decisions written against Kubernetes JSON get objects without the nulls.
 */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripNulls(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
  return out as T;
}
