import { childPath, indexPath, keyPath } from './field-path.js';
import { isJsonObject } from './json.js';

/**
 * Semantic equality of JSON values as Kubernetes sees them after decoding:
 * a missing field, `undefined` and `null` are all "unset".
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return changedPaths(a, b, '', 1).length === 0;
}

/**
 * Field paths where two JSON values differ, at most `limit` of them, for error
 * messages that say what changed. Object keys that are not identifiers (labels,
 * resource names) are shown as `[key]`.
 */
export function changedPaths(a: unknown, b: unknown, path: string, limit = 10): string[] {
  const out: string[] = [];
  collect(a, b, path, out, limit);
  return out;
}

function collect(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  const unsetA = a === undefined || a === null;
  const unsetB = b === undefined || b === null;
  if (unsetA || unsetB) {
    if (unsetA !== unsetB) out.push(path);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.push(path);
      return;
    }
    a.forEach((item, i) => {
      collect(item, b[i], indexPath(path, i), out, limit);
    });
    return;
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const child = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? childPath(path, key) : keyPath(path, key);
      collect(a[key], b[key], child, out, limit);
    }
    return;
  }
  if (a !== b) out.push(path);
}
