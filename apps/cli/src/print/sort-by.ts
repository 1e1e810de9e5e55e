/** `get --sort-by=.metadata.creationTimestamp`: a JSONPath to one value per object, ascending. */
import { UsageError } from '../errors.js';
import { compilePath } from './jsonpath.js';

export function sortBy<T>(items: readonly T[], path: string, documentOf: (item: T) => unknown): T[] {
  let values: (value: unknown) => unknown[];
  try {
    values = compilePath(path);
  } catch {
    throw new UsageError(`couldn't parse --sort-by ${path}`);
  }
  const keyed = items.map((item) => ({ item, key: values(documentOf(item))[0] }));
  return keyed.sort((a, b) => compare(a.key, b.key)).map((k) => k.item);
}

/** Numbers as numbers, everything else as text; objects without the field come first, as kubectl sorts them. */
function compare(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}
