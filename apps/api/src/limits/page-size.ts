import { ApiError } from '@wheelhouse/resources';

/**
 * The page size a list is served with. Absent: everything (API.md). Zero or negative
 * is refused (a page of nothing is a client bug, and used to list everything). Above
 * `max` the page is capped: the client gets `max` items and a `continue` token, which
 * Kubernetes clients already follow (the API may return fewer items than asked).
 */
export function pageSize(limit: number | null | undefined, max: number): number | undefined {
  if (limit === null || limit === undefined) return undefined;
  if (limit <= 0) throw new ApiError('BAD_USER_INPUT', `limit: Invalid value: ${limit}: must be greater than 0`, 'limit');
  return Math.min(limit, max);
}
