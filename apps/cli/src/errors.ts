/** kubectl-style error text; no stack traces reach the user. */
import { WheelhouseError } from '@wheelhouse/client';

/** Bad command line: exits 1 with a hint. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A failure already phrased for the user (e.g. `error: ...`). */
export class CliError extends Error {}

const REASONS: Record<string, string> = {
  NOT_FOUND: 'NotFound',
  ALREADY_EXISTS: 'AlreadyExists',
  CONFLICT: 'Conflict',
  UNAUTHENTICATED: 'Unauthorized',
  FORBIDDEN: 'Forbidden',
  EXPIRED: 'Expired',
  INTERNAL_SERVER_ERROR: 'InternalError',
  UNAVAILABLE: 'ServiceUnavailable',
};

/** The kubectl reason for an API code; BAD_USER_INPUT is Invalid when a field is blamed. */
export function reasonOf(code: string, field?: string): string {
  if (code === 'BAD_USER_INPUT') return field ? 'Invalid' : 'BadRequest';
  return REASONS[code] ?? code;
}

/** One line for stderr. */
export function formatError(e: unknown): string {
  if (e instanceof UsageError) return `error: ${e.message}${e.hint ? `\n${e.hint}` : ''}`;
  if (e instanceof CliError) return `error: ${e.message}`;
  if (e instanceof WheelhouseError) {
    // UNAVAILABLE sent by the server (a node agent it could not reach) is the server's error, not a transport failure.
    if (e.code === 'UNAVAILABLE' && !e.extensions.code) return `error: the server could not be reached: ${e.message}`;
    if (e.code === 'GRAPHQL_VALIDATION_FAILED') return `error: the server rejected the request: ${e.message}`;
    const field = e.field && !e.message.includes(e.field) ? ` (field ${e.field})` : '';
    return `Error from server (${reasonOf(e.code, e.field)}): ${e.message}${field}`;
  }
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

/** The NotFound a `k(name)` query implies when it answers null. */
export const notFoundError = (plural: string, name: string) => new WheelhouseError('NOT_FOUND', `${plural} "${name}" not found`);
