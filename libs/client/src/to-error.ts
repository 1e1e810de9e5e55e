import { fromGraphQLErrors, WheelhouseError, type GraphQLErrorShape } from './errors.js';
import { FORBIDDEN_CLOSE_CODE } from './socket.js';

/** Whatever graphql-ws hands a sink's `error` (GraphQL errors, a CloseEvent, an Error) as a WheelhouseError. */
export function subscriptionError(e: unknown): WheelhouseError {
  if (e instanceof WheelhouseError) return e;
  if (Array.isArray(e)) return fromGraphQLErrors(e as GraphQLErrorShape[]);
  const close = e as { code?: unknown; reason?: unknown } | null;
  if (typeof close?.code === 'number') {
    const message = `WebSocket closed: ${close.code} ${String(close.reason ?? '')}`.trim();
    return new WheelhouseError(close.code === FORBIDDEN_CLOSE_CODE ? 'UNAUTHENTICATED' : 'UNAVAILABLE', message, { cause: e });
  }
  const message = (e as { message?: unknown } | null)?.message;
  return new WheelhouseError('UNAVAILABLE', `WebSocket: ${typeof message === 'string' ? message : String(e)}`, { cause: e });
}
