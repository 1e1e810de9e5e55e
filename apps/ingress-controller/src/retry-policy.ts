import type { IncomingHttpHeaders } from 'node:http';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);

/**
 * Whether a failed attempt may go to another endpoint: a connection failure, an
 * idempotent method (RFC 9110), no response started, and no body that the failed
 * attempt may have consumed (bodies are streamed, never buffered).
 */
export function mayRetry(method: string | undefined, headers: IncomingHttpHeaders, errorCode: string | undefined, responseStarted: boolean): boolean {
  if (responseStarted || !errorCode || !CONNECT_ERRORS.has(errorCode)) return false;
  if (!IDEMPOTENT.has((method ?? 'GET').toUpperCase())) return false;
  const hasBody = headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
  return !hasBody;
}
