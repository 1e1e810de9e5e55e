// `wh exec` through the API, as kube-apiserver proxies pods/exec to the kubelet: a WebSocket
// at /api/v1/namespaces/<ns>/pods/<name>/exec?container=&command=…&stdin=&tty=&columns=&rows=
// is authenticated and authorised here, then joined to the node agent's exec endpoint with
// the API's own credential (never the caller's), which the agent checks with the API. Browsers, which cannot set headers on a
// WebSocket, pass the token as the subprotocol `base64url.bearer.authorization.k8s.io.<token>`.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { EXEC_SUBPROTOCOL } from '@wheelhouse/client';
import type { Store } from '@wheelhouse/db';
import { ApiError } from '@wheelhouse/resources';
import { WebSocket, WebSocketServer } from 'ws';
import type { Authenticator } from '../auth/authenticate.js';
import type { Authorizer } from '../auth/authorize.js';
import { requestTargets } from '../auth/attributes.js';
import { HTTP_STATUS } from '../errors/http-status.js';
import { podTarget } from '../modules/pod-logs/pod-target.js';

const PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/;
const TOKEN_PROTOCOL = 'base64url.bearer.authorization.k8s.io.';

export interface ExecProxyOptions {
  store: Store;
  authenticator: Authenticator;
  authorizer: Authorizer;
  /** The API's own credential for node agents. */
  kubeletAuthorization(): string;
  log(message: string, error?: unknown): void;
}

/** The bearer credential of an upgrade: its Authorization header, else the token subprotocol. */
export function credentialOf(req: IncomingMessage): string | undefined {
  if (req.headers.authorization) return req.headers.authorization;
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const encoded = protocols.find((p) => p.startsWith(TOKEN_PROTOCOL))?.slice(TOKEN_PROTOCOL.length);
  return encoded ? `Bearer ${Buffer.from(encoded, 'base64url').toString('utf8')}` : undefined;
}

export function execProxy(o: ExecProxyOptions) {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(EXEC_SUBPROTOCOL) ? EXEC_SUBPROTOCOL : false) });
  return (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://api');
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    const [namespace, name] = match.slice(1).map(decodeURIComponent) as [string, string];
    open(req, url, namespace, name, o)
      .then((agent) =>
        wss.handleUpgrade(req, socket, head, (client) => {
          join(client, agent);
        }),
      )
      .catch((error) => refuse(socket, error, o));
    return true;
  };
}

async function open(req: IncomingMessage, url: URL, namespace: string, name: string, o: ExecProxyOptions): Promise<OpenAgent> {
  const authorization = credentialOf(req);
  const principal = await o.authenticator.authenticate(authorization);
  await o.authorizer.assertAllowed(principal, requestTargets('execPod', { namespace, name }));
  const target = await podTarget(o.store, namespace, name, url.searchParams.get('container') ?? undefined);
  const agentUrl = new URL(`/exec/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/${encodeURIComponent(target.container)}`, target.kubelet.replace(/^http/, 'ws'));
  for (const key of ['command', 'stdin', 'tty', 'columns', 'rows']) for (const value of url.searchParams.getAll(key)) agentUrl.searchParams.append(key, value);
  const agent = new WebSocket(agentUrl, EXEC_SUBPROTOCOL, { headers: { authorization: o.kubeletAuthorization() }, followRedirects: false });
  // The agent may answer (a refusal, a quick command's output) before the client's upgrade completes: keep it.
  const early: Buffer[] = [];
  const hold = (data: Buffer) => early.push(data);
  agent.on('message', hold);
  await new Promise<void>((resolve, reject) => {
    agent.once('open', () => resolve());
    agent.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () =>
        reject(new ApiError(res.statusCode === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', body.trim() || `the node agent of node "${target.nodeName}" answered ${res.statusCode}`)),
      );
    });
    agent.once('error', (error) => reject(new ApiError('UNAVAILABLE', `could not reach the node agent of node "${target.nodeName}": ${error.message}`)));
  });
  return { agent, early, hold };
}

interface OpenAgent {
  agent: WebSocket;
  early: Buffer[];
  hold: (data: Buffer) => void;
}

/** Messages pass through unchanged both ways, the agent's early ones first; either side closing closes the other. */
function join(client: WebSocket, { agent, early, hold }: OpenAgent): void {
  agent.off('message', hold);
  for (const data of early) client.send(data);
  if (agent.readyState !== agent.OPEN) client.close(1000);
  agent.on('message', (data: Buffer) => client.readyState === client.OPEN && client.send(data));
  client.on('message', (data: Buffer) => agent.readyState === agent.OPEN && agent.send(data));
  agent.on('close', (code) => client.close(code === 1005 ? 1000 : code));
  client.on('close', () => agent.close());
  agent.on('error', () => client.terminate());
  client.on('error', () => agent.terminate());
}

function refuse(socket: Duplex, error: unknown, o: ExecProxyOptions): void {
  if (!(error instanceof ApiError)) o.log('exec', error);
  const code = error instanceof ApiError ? error.code : 'INTERNAL_SERVER_ERROR';
  const status = HTTP_STATUS[code] ?? 500;
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: code, code: status, message: error instanceof Error ? error.message : String(error) });
  socket.end(`HTTP/1.1 ${status} ${code}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
