import { ApiError } from '@wheelhouse/resources';

/**
 * How deep a JSON value (variables, a patch, a manifest document) may nest. Kubernetes
 * objects nest about 15 levels (a pod template's affinity terms); recursive code
 * (merge patch, validation) would overflow the stack on 100,000.
 */
export const MAX_INPUT_DEPTH = 100;

/** Throws BAD_USER_INPUT on `field` when `value` nests deeper than `max`. Iterative: safe on any depth. */
export function assertDepth(value: unknown, max: number, field: string): void {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) throw new ApiError('BAD_USER_INPUT', `${field}: Invalid value: nested more than ${max} levels deep`, field);
    for (const item of Array.isArray(current) ? current : Object.values(current)) stack.push([item, depth + 1]);
  }
}
