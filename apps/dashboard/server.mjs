// The dashboard server: Next.js pages, plus the session endpoints and the GraphQL
// forwarding (HTTP and WebSocket) that attach the cookie's bearer token, so the
// browser never holds it. Start: node apps/dashboard/server.mjs
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent, setGlobalDispatcher } from 'undici';
import { EventEmitter } from 'node:events';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { readConfig } from './server/config.mjs';
import { forwardGraphqlPost, createSubscriptionProxy } from './server/graphql-proxy.mjs';
import { clearedSessionCookie, isPublicPath, sessionCookie, tokenOf, validateToken } from './server/session.mjs';
import { contentSecurityPolicy, fromThisOrigin, isJsonRequest, newNonce, setSecurityHeaders } from './server/guard.mjs';

const config = readConfig();
const ca = config.caFile ? readFileSync(config.caFile, 'utf8') : undefined;
// Every fetch to the API (session checks, GraphQL forwarding) verifies it against the cluster CA.
if (ca) setGlobalDispatcher(new Agent({ connect: { ca } }));
const dir = dirname(fileURLToPath(import.meta.url));
// Next attaches its own 'upgrade' listener to the server it is given, and that listener
// closes sockets it does not know (ours): hand it a stand-in that only gets Next's upgrades.
const nextUpgrades = new EventEmitter();
const app = next({ dev: config.dev, dir, hostname: config.host, port: config.port, httpServer: nextUpgrades });
const handle = app.getRequestHandler();
await app.prepare();
const upgradeGraphql = createSubscriptionProxy(config.apiWebSocketUrl, config.apiGraphqlUrl, ca);

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString() || '{}');
  } catch {
    return {};
  }
}

const json = (res, status, body, headers = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

/** POST /api/session {token}: validated against the API, then kept in the cookie. DELETE signs out. */
async function session(req, res) {
  if (req.method === 'DELETE') return json(res, 200, { ok: true }, { 'set-cookie': clearedSessionCookie(config.secureCookies) });
  if (req.method !== 'POST') return json(res, 405, { error: 'POST or DELETE' });
  // A cross-site form cannot send JSON without a CORS preflight: no login CSRF.
  if (!isJsonRequest(req)) return json(res, 415, { error: 'Send JSON.' });
  const { token } = await readJson(req);
  if (typeof token !== 'string' || !token.trim()) return json(res, 400, { error: 'Enter a bearer token.' });
  let verdict;
  try {
    verdict = await validateToken(config.apiGraphqlUrl, token.trim());
  } catch (error) {
    return json(res, 502, { error: `The API at ${config.apiGraphqlUrl} is unreachable (${error.cause?.code ?? error.message}).` });
  }
  if (!verdict.ok) return json(res, 401, { error: verdict.message, code: verdict.code });
  json(res, 200, { ok: true }, { 'set-cookie': sessionCookie(token.trim(), config.secureCookies) });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://dashboard');
  setSecurityHeaders(res);
  // Next.js puts the nonce it finds in the request's CSP header on its own scripts.
  const csp = contentSecurityPolicy(newNonce(), config.dev);
  req.headers['content-security-policy'] = csp;
  res.setHeader('content-security-policy', csp);
  const route = async () => {
    const acts = url.pathname === '/api/session' || url.pathname === '/api/graphql';
    // Everything that acts with (or sets) the session cookie: this origin only (CSRF from any other port of the same site).
    if (acts && req.method !== 'GET' && !fromThisOrigin(req)) return json(res, 403, { error: 'Cross-origin request refused.' });
    if (url.pathname === '/api/session') return session(req, res);
    if (url.pathname === '/api/graphql' && req.method === 'POST') return forwardGraphqlPost(req, res, config.apiGraphqlUrl);
    if (!tokenOf(req) && !isPublicPath(url.pathname)) {
      const next = url.pathname === '/' ? '' : `?next=${encodeURIComponent(url.pathname + url.search)}`;
      return void res.writeHead(303, { location: `/sign-in${next}` }).end();
    }
    return handle(req, res);
  };
  route().catch((error) => {
    console.error('dashboard request failed', error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

server.on('upgrade', (req, socket, head) => {
  if ((req.url ?? '').startsWith('/api/graphql')) return upgradeGraphql(req, socket, head);
  if (nextUpgrades.listenerCount('upgrade') > 0) return void nextUpgrades.emit('upgrade', req, socket, head);
  socket.destroy();
});

server.listen(config.port, config.host, () => {
  const { port } = server.address();
  console.error(`dashboard listening on http://${config.host}:${port} (API ${config.apiGraphqlUrl})`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
