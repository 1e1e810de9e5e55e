/**
 * GraphQL answers null for every selected field an object lacks; Kubernetes JSON leaves it
 * out. The clientset strips nulls so objects read as Kubernetes JSON and match the model
 * types (fields absent, never null). Array elements that are null are kept as they are.
 */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripNulls(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
  return out as T;
}
