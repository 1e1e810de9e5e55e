// Forwards the browser's GraphQL to the API with the session's bearer token:
// POSTs as HTTP, subscriptions as a graphql-ws WebSocket whose connection_init gets the token.
import { WebSocket, WebSocketServer } from 'ws';
import { fromThisOrigin, isJsonRequest } from './guard.mjs';
import { tokenOf, validateToken } from './session.mjs';

const UNAUTHENTICATED = JSON.stringify({ errors: [{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }] });
const NOT_JSON = JSON.stringify({ errors: [{ message: 'send GraphQL as application/json', extensions: { code: 'BAD_USER_INPUT' } }] });
/** The API's own request limit: larger bodies are refused here without being read. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * POST /api/graphql with the session's token. The browser's body goes on with the
 * browser's content type, which must be JSON: relabelling a text/plain form post as
 * JSON defeated the API's own CSRF check. The caller has checked the Origin.
 */
export async function forwardGraphqlPost(req, res, apiGraphqlUrl) {
  const token = tokenOf(req);
  if (!token) return void res.writeHead(401, { 'content-type': 'application/json' }).end(UNAUTHENTICATED);
  if (!isJsonRequest(req)) return void res.writeHead(415, { 'content-type': 'application/json' }).end(NOT_JSON);
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return void res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end();
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return void res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end();
    chunks.push(chunk);
  }
  let upstream;
  try {
    upstream = await fetch(apiGraphqlUrl, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'], authorization: `Bearer ${token}` },
      body: Buffer.concat(chunks),
    });
  } catch (error) {
    res.writeHead(502, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ errors: [{ message: `API unreachable: ${error.cause?.code ?? error.message}` }] }));
  }
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

/** Handles WebSocket upgrades on /api/graphql; the API socket lives exactly as long as the browser's. */
export function createSubscriptionProxy(apiWebSocketUrl, apiGraphqlUrl, ca) {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('graphql-transport-ws') ? 'graphql-transport-ws' : false) });

  wss.on('connection', (browser, token) => {
    const api = new WebSocket(apiWebSocketUrl, 'graphql-transport-ws', { headers: { authorization: `Bearer ${token}` }, ...(ca ? { ca } : {}) });
    const early = [];
    browser.on('message', (data, isBinary) => {
      let message = isBinary ? data : data.toString();
      // graphql-ws sends the token as connectionParams.authorization: add it to the init message.
      if (!isBinary) {
        try {
          const parsed = JSON.parse(message);
          if (parsed.type === 'connection_init') message = JSON.stringify({ ...parsed, payload: { ...(parsed.payload ?? {}), authorization: `Bearer ${token}` } });
        } catch {
          // Not JSON: the API will answer it as the protocol says.
        }
      }
      if (api.readyState === WebSocket.OPEN) api.send(message);
      else early.push(message);
    });
    api.on('open', () => {
      for (const message of early.splice(0)) api.send(message);
    });
    api.on('message', (data, isBinary) => browser.readyState === WebSocket.OPEN && browser.send(isBinary ? data : data.toString()));
    // Closing codes 1005/1006 may not be sent; 1011/1012 tell the client to reconnect.
    const sendable = (code) => (code >= 3000 && code < 5000) || [1000, 1001, 1011, 1012, 1013].includes(code);
    api.on('close', (code, reason) => browser.readyState <= WebSocket.OPEN && browser.close(sendable(code) ? code : 1012, reason));
    api.on('error', () => browser.readyState <= WebSocket.OPEN && browser.close(1011, 'API unreachable'));
    browser.on('close', () => api.readyState <= WebSocket.OPEN && api.terminate());
    browser.on('error', () => api.terminate());
  });

  /**
   * Only pages of this dashboard may open the socket (no cross-site WebSocket hijacking):
   * the Origin must be this one (browsers always send it on upgrades; `null` or garbage
   * is refused, never thrown on), and the cookie's token must be one the API accepts.
   */
  return (req, socket, head) => {
    const refuse = (status) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    const token = tokenOf(req);
    if (req.headers.origin === undefined || !fromThisOrigin(req)) return refuse('403 Forbidden');
    if (!token) return refuse('401 Unauthorized');
    validateToken(apiGraphqlUrl, token).then(
      (verdict) => {
        if (!verdict.ok) return refuse('401 Unauthorized');
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, token));
      },
      () => refuse('502 Bad Gateway'),
    );
  };
}
