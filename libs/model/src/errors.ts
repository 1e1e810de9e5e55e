/** The codes the API puts in `extensions.code` (API.md "Errors"): one list for server and clients. */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'EXPIRED',
  /** A dependency did not answer: e.g. the node agent that holds a pod's logs. */
  'UNAVAILABLE',
  /** An eviction a disruption budget forbids, or a rate limit. */
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
