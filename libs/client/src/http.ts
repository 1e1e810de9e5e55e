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
export async function postGraphQL<T>(
  url: string,
  headers: Record<string, string>,
  payload: GraphQLPayload,
  signal: AbortSignal,
): Promise<T> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), signal });
    status = response.status;
    text = await response.text();
  } catch (e) {
    throw transportError(url, e, signal);
  }
  const body = parseJson(text);
  if (body?.errors?.length) throw fromGraphQLErrors(body.errors, status);
  if (status >= 200 && status < 300 && body && body.data != null) return body.data as T;
  throw new WheelhouseError('UNAVAILABLE', `POST ${url}: HTTP ${status}: ${text.slice(0, 200)}`, { httpStatus: status });
}

function parseJson(text: string): GraphQLResponse | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as GraphQLResponse) : undefined;
  } catch {
    return undefined;
  }
}

/** Our own abort reasons are WheelhouseErrors (CLOSED, the UNAVAILABLE timeout); anything else is the caller's abort. */
function transportError(url: string, e: unknown, signal: AbortSignal): WheelhouseError {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof WheelhouseError) return new WheelhouseError(reason.code, `POST ${url}: ${reason.message}`, { cause: reason });
    return new WheelhouseError('ABORTED', `POST ${url}: aborted`, { cause: reason });
  }
  // fetch hides the real reason (ECONNREFUSED, ...) in `cause`.
  const cause = (e as { cause?: { message?: string } }).cause;
  const detail = cause?.message ?? (e as Error).message ?? String(e);
  return new WheelhouseError('UNAVAILABLE', `POST ${url}: ${detail}`, { cause: e });
}
