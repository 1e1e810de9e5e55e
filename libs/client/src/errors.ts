import type { ApiErrorCode } from '@wheelhouse/model';

/** Codes the API puts in `extensions.code` (API.md "Errors"), from the one list in libs/model. */
export type { ApiErrorCode };

/**
 * Codes the client adds for failures that never got a GraphQL answer:
 * UNAVAILABLE (network, HTTP, timeout, dropped socket), CLOSED (client closed),
 * ABORTED (the caller's signal fired).
 */
export type ClientErrorCode = 'UNAVAILABLE' | 'CLOSED' | 'ABORTED';

/** Known codes, plus any other code a server sends (e.g. GRAPHQL_VALIDATION_FAILED). */
export type ErrorCode = ApiErrorCode | ClientErrorCode | (string & {});

/** A GraphQL error as it arrives on the wire. */
export interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface WheelhouseErrorOptions {
  field?: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  errors?: readonly GraphQLErrorShape[];
  httpStatus?: number;
  cause?: unknown;
}

export class WheelhouseError extends Error {
  override readonly name = 'WheelhouseError';
  /** For BAD_USER_INPUT: the field path the server blamed, e.g. `spec.replicas`. */
  readonly field?: string;
  /** The GraphQL response path of the failing field. */
  readonly path?: readonly (string | number)[];
  readonly extensions: Record<string, unknown>;
  /** Every GraphQL error of the response; this error describes the first. */
  readonly errors: readonly GraphQLErrorShape[];
  readonly httpStatus?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: WheelhouseErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.field = options.field;
    this.path = options.path;
    this.extensions = options.extensions ?? {};
    this.errors = options.errors ?? [];
    this.httpStatus = options.httpStatus;
  }
}

/**
 * The first GraphQL error decides code and message; the rest stay in `errors`.
 * An error without a code breaks the API contract, so it counts as the server's fault.
 */
export function fromGraphQLErrors(errors: readonly GraphQLErrorShape[], httpStatus?: number): WheelhouseError {
  const first = errors[0] ?? { message: 'empty GraphQL error list' };
  const extensions = first.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const field = typeof extensions.field === 'string' ? extensions.field : undefined;
  return new WheelhouseError(code, first.message, { field, path: first.path, extensions, errors, httpStatus });
}

export const hasCode = (e: unknown, code: ErrorCode): e is WheelhouseError => e instanceof WheelhouseError && e.code === code;

export const isBadUserInput = (e: unknown) => hasCode(e, 'BAD_USER_INPUT');
export const isNotFound = (e: unknown) => hasCode(e, 'NOT_FOUND');
export const isAlreadyExists = (e: unknown) => hasCode(e, 'ALREADY_EXISTS');
export const isConflict = (e: unknown) => hasCode(e, 'CONFLICT');
export const isForbidden = (e: unknown) => hasCode(e, 'FORBIDDEN');
export const isUnauthenticated = (e: unknown) => hasCode(e, 'UNAUTHENTICATED');
export const isExpired = (e: unknown) => hasCode(e, 'EXPIRED');
export const isUnavailable = (e: unknown) => hasCode(e, 'UNAVAILABLE');
