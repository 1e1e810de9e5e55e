/**
 * Drops null and undefined fields at every depth: in Kubernetes JSON an explicit null
 * means "unset", and GraphQL inputs carry nulls for omitted nullable fields.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => compact(v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) out[k] = compact(v);
  }
  return out as T;
}
