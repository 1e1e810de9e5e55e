import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Db } from '@wheelhouse/db';
import { ApiError } from '@wheelhouse/resources';
import type { ApiContext } from '../context.js';
import type { Authenticator } from '../auth/authenticate.js';
import type { Principal } from '../auth/tokens.js';
import type { Metrics } from '../metrics/metrics.js';
import { PayloadTooLarge, parseJsonBody, readBody } from '../limits/read-body.js';
import { refusedEvent, type RequestMeta } from '../audit/audit-event.js';
import type { AuditLog } from '../audit/audit-log.js';

export interface Routes {
  apollo: ApolloServer<ApiContext>;
  /** The small pool health checks use: a flood of user queries does not fail /healthz. */
  db: Db;
  metrics: Metrics;
  authenticator: Authenticator;
  maxBodyBytes: number;
  contextFor(principal: Principal, authorization: string, request: RequestMeta): ApiContext;
  audit?: AuditLog;
}

/**
 * /healthz, /metrics and /graphql. A GraphQL request is authenticated before its body is read.
 * Kept by hand after measuring Express 5 with @as-integrations/express5 in its place (same
 * auth, body limit and refusal code; issue 9): the API spent 25-75 % more CPU per request
 * (get 1.6-1.8 ms against 1.0-1.2 ms, /healthz 0.8-1.0 against 0.6) and ran slower in
 * `npm run bench:api`, while Express would have replaced only these three routes.
 */
export async function route(req: IncomingMessage, res: ServerResponse, r: Routes): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    const ok = await r.db.$queryRawUnsafe('SELECT 1').then(
      () => true,
      () => false,
    );
    res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok' : 'database unreachable');
    return;
  }
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': r.metrics.registry.contentType }).end(await r.metrics.registry.metrics());
    return;
  }
  if (url.pathname !== '/graphql') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const meta: RequestMeta = { sourceIPs: [req.socket.remoteAddress ?? ''], userAgent: req.headers['user-agent'], requestURI: req.url ?? '/', receivedAt: new Date() };
  const authorization = req.headers.authorization ?? '';
  let principal: Principal;
  try {
    principal = await r.authenticator.authenticate(authorization);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    r.metrics.rejected.inc({ reason: 'unauthenticated' });
    r.audit?.write([refusedEvent(null, meta, 401, error.message, new Date())]);
    return refuse(req, res, 401, error.message, { code: error.code });
  }
  let body: unknown;
  if (req.method === 'POST') {
    try {
      body = parseJsonBody(await readBody(req, r.maxBodyBytes));
    } catch (error) {
      if (!(error instanceof PayloadTooLarge)) throw error;
      r.metrics.rejected.inc({ reason: 'body-too-large' });
      r.audit?.write([refusedEvent(principal, meta, 413, `Request entity too large: limit is ${error.limit}`, new Date())]);
      // Kubernetes' StatusReasonRequestEntityTooLarge message.
      return refuse(req, res, 413, `Request entity too large: limit is ${error.limit}`, { code: 'BAD_USER_INPUT', reason: 'REQUEST_ENTITY_TOO_LARGE' });
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
  const response = await r.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => r.contextFor(principal, authorization, meta),
  });
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') res.end(response.body.string);
  else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/**
 * A GraphQL error answer sent without reading the request body. When a body is still
 * coming the connection is closed after the answer, so the rest is never read.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, extensions: Record<string, unknown>): void {
  const length = req.headers['content-length'];
  const unread = !req.readableEnded && ((length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (unread) headers.connection = 'close';
  if (unread) lingerOnClose(req);
  res.writeHead(status, headers).end(JSON.stringify({ errors: [{ message, extensions }] }));
}

/** How long, and how many bytes, an unread body is drained after a refusal before the socket is destroyed. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * A lingering close, as nginx and Apache do it: closing a socket that still has unread
 * request data makes the kernel answer with a reset, and the client may then lose the
 * 413/401 it was sent. So after the answer the socket is only half-closed (FIN), the
 * rest of the body is read and dropped (never kept) for a short while, then the socket
 * is destroyed. Node would destroy it as soon as the answer is written (destroySoon).
 */
function lingerOnClose(req: IncomingMessage): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    let drained = 0;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > LINGER_BYTES) socket.destroy();
    });
    req.resume();
  };
}
