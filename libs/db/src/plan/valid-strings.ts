import type { FieldError } from '@wheelhouse/resources';

/**
 * Strings PostgreSQL's jsonb cannot store (a NUL character fails with 22P05) or that are
 * not text at all (a lone UTF-16 surrogate has no UTF-8 form), in keys and values: the
 * first one found, as a field error naming where it is.
 */
export function invalidStrings(value: unknown, path = ''): FieldError[] {
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length > 0) {
    const { value: current, path: at } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return [{ field: at, message: `Invalid value: ${problem}`, type: 'Invalid' }];
    } else if (Array.isArray(current)) {
      for (const [i, item] of current.entries()) stack.push({ value: item, path: `${at}[${i}]` });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const problem = stringProblem(key);
        // The key itself is not echoed: it is the bad part.
        if (problem) return [{ field: at || 'metadata', message: `Invalid value: a key ${problem}`, type: 'Invalid' }];
        const keyPath = !at ? key : MAP_FIELDS.test(at) || !IDENTIFIER.test(key) ? `${at}[${key}]` : `${at}.${key}`;
        stack.push({ value: item, path: keyPath });
      }
    }
  }
  return [];
}

/** Field paths as Kubernetes writes them: struct fields `.name`, map keys `[key]` (`metadata.labels[app]`). */
const MAP_FIELDS = /(^|\.)(labels|annotations|nodeSelector|matchLabels|capacity|allocatable|limits|requests|data)$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it contains a lone UTF-16 surrogate)';
  return undefined;
}
