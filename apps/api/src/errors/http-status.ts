/** The HTTP status of each API error code, as Kubernetes answers them (audit records, refused upgrades). */
export const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  EXPIRED: 410,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};
