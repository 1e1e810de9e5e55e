// Resource lists as exact quantities: parse, add, subtract, compare, print (quota.Add,
// quota.Mask and friends in k8s.io/apiserver/pkg/quota/v1).
import { formatQuantity, parseQuantity, quantityFromNanos, type Quantity } from '../quantity/index.js';

export type Usage = Map<string, Quantity>;

export function parseList(list: Record<string, unknown> | null | undefined): Usage {
  const out: Usage = new Map();
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : null;
    if (q) out.set(name, q);
  }
  return out;
}

export function addTo(usage: Usage, name: string, q: Quantity): void {
  const current = usage.get(name);
  usage.set(name, current ? quantityFromNanos(current.nanos + q.nanos, current.format) : q);
}

export function add(a: Usage, b: Usage): Usage {
  const out: Usage = new Map(a);
  for (const [name, q] of b) addTo(out, name, q);
  return out;
}

export const ZERO = quantityFromNanos(0n);
export const ONE = quantityFromNanos(1_000_000_000n);

export function formatList(usage: Usage): Record<string, string> {
  return Object.fromEntries([...usage].sort(([a], [b]) => a.localeCompare(b)).map(([k, q]) => [k, formatQuantity(q)]));
}

/** `k=v,k2=v2`, sorted: how quota errors print resource lists (prettyPrint). */
export function prettyPrint(usage: Usage, names: readonly string[]): string {
  return [...names]
    .sort()
    .map((n) => `${n}=${formatQuantity(usage.get(n) ?? ZERO)}`)
    .join(',');
}
