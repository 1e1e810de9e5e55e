import type { Dispatcher } from 'undici';
import { fromGraphQLErrors, WheelhouseError, type GraphQLErrorShape } from './errors.js';

export interface GraphQLPayload {
  query: string;
  variables?: Record<string, unknown>;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorShape[];
}

/**
 * One GraphQL POST. Resolves with `data`, or throws a WheelhouseError: the first
 * GraphQL error when the server answered with any (whatever the HTTP status, since
 * `application/graphql-response+json` servers answer validation errors with 400),
 * UNAVAILABLE for everything that is not a GraphQL answer.
 */
export async function postGraphQL<T>(url: string, headers: Record<string, string>, payload: GraphQLPayload, signal: AbortSignal, dispatcher?: Dispatcher): Promise<T> {
  let response: Response;
  try {
    // `dispatcher` (undici's, as Node's fetch is undici) trusts the cluster CA of an https API.
    const init = { method: 'POST', headers, body: JSON.stringify(payload), signal, ...(dispatcher ? { dispatcher } : {}) };
    response = await fetch(url, init as RequestInit);
  } catch (e) {
    throw transportError(url, e, signal, true);
  }
  const status = response.status;
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    throw transportError(url, e, signal, false);
  }
  const body = parseJson(text);
  if (body?.errors?.length) throw withRetryAfter(fromGraphQLErrors(body.errors, status), response.headers.get('retry-after'));
  if (status === 413) throw new WheelhouseError('BAD_USER_INPUT', `POST ${url}: HTTP 413: the request body is larger than the server accepts`, { httpStatus: status });
  if (status >= 200 && status < 300 && body && body.data != null) return body.data as T;
  throw new WheelhouseError('UNAVAILABLE', `POST ${url}: HTTP ${status}: ${text.slice(0, 200)}`, { httpStatus: status });
}

/** The server's Retry-After (seconds) on a 429, kept on the error for the client's retry. */
function withRetryAfter(error: WheelhouseError, header: string | null): WheelhouseError {
  const seconds = Number(header);
  if (header !== null && Number.isFinite(seconds) && seconds >= 0) Object.defineProperty(error, 'retryAfterMs', { value: Math.min(seconds, 60) * 1000 });
  return error;
}

/** How long to wait before resending a request the API refused with 429 TOO_MANY_REQUESTS (refused before it ran, so always safe to resend). */
export function throttledFor(e: unknown): number | undefined {
  if (!(e instanceof WheelhouseError) || e.code !== 'TOO_MANY_REQUESTS' || e.httpStatus !== 429) return undefined;
  return (e as { retryAfterMs?: number }).retryAfterMs ?? 1000;
}

function parseJson(text: string): GraphQLResponse | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as GraphQLResponse) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The connection broke before any response arrived: typically a pooled keep-alive
 * connection the server closed just as the request went out on it (read ECONNRESET,
 * undici's "other side closed"). The server may still have received the request.
 */
const RESET_BEFORE_RESPONSE = Symbol('resetBeforeResponse');
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** True for a request whose connection was reset before any response: safe to send again only if the operation is. */
export function isResetBeforeResponse(e: unknown): boolean {
  return e instanceof WheelhouseError && (e as { [RESET_BEFORE_RESPONSE]?: boolean })[RESET_BEFORE_RESPONSE] === true;
}

/** Our own abort reasons are WheelhouseErrors (CLOSED, the UNAVAILABLE timeout); anything else is the caller's abort. */
function transportError(url: string, e: unknown, signal: AbortSignal, beforeResponse: boolean): WheelhouseError {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof WheelhouseError) return new WheelhouseError(reason.code, `POST ${url}: ${reason.message}`, { cause: reason });
    return new WheelhouseError('ABORTED', `POST ${url}: aborted`, { cause: reason });
  }
  // fetch hides the real reason (ECONNREFUSED, ...) in `cause`.
  const cause = (e as { cause?: { message?: string; code?: string } }).cause;
  const detail = cause?.message ?? (e as Error).message ?? String(e);
  const error = new WheelhouseError('UNAVAILABLE', `POST ${url}: ${detail}`, { cause: e });
  if (beforeResponse && RESET_CODES.has(cause?.code ?? '')) Object.defineProperty(error, RESET_BEFORE_RESPONSE, { value: true });
  return error;
}
