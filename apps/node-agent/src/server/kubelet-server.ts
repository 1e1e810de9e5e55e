// The kubelet's HTTP endpoints the API calls: container logs (plain, or followed as a
// chunked stream), the stats summary and exec (a WebSocket, exec-server.ts). Bearer-token protected (token-review.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenReviewer } from './token-review.js';
import { execUpgradeHandler } from './exec-server.js';
import type { ServedPod } from './served-pod.js';

export type { ServedPod } from './served-pod.js';

export interface StatsSummary {
  nodes: NodeStats[];
}

export interface NodeStats {
  nodeName: string;
  cpu: { usageNanoCores: number };
  memory: { workingSetBytes: number };
  pods: PodStats[];
}

export interface PodStats {
  podRef: { name: string; namespace: string; uid: string };
  cpu: { usageNanoCores: number };
  memory: { workingSetBytes: number };
}

export interface KubeletServerOptions {
  port: number;
  host?: string;
  review: TokenReviewer;
  findPod(namespace: string, name: string): ServedPod | undefined;
  /** Stats of the nodes this process runs (only `node` when given). */
  summary(node?: string): Promise<StatsSummary>;
  log(message: string, error?: unknown): void;
}

export interface KubeletServer {
  port: number;
  close(): Promise<void>;
}

export async function startKubeletServer(o: KubeletServerOptions): Promise<KubeletServer> {
  const follows = new Set<AbortController>();
  const server: Server = createServer((req, res) => {
    handle(req, res, o, follows).catch((error) => {
      o.log('kubelet http', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
      else res.end();
    });
  });
  const exec = execUpgradeHandler(o);
  server.on('upgrade', (req, socket, head) => {
    if (!exec(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const f of follows) f.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, o: KubeletServerOptions, follows: Set<AbortController>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kubelet');
  if (url.pathname === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  if (req.method !== 'GET') return void res.writeHead(405).end();
  if (!(await o.review(req.headers.authorization))) return void text(res, 401, 'Unauthorized');

  if (url.pathname === '/stats/summary') {
    const summary = await o.summary(url.searchParams.get('node') ?? undefined);
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(summary));
  }
  const logs = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!logs) return void text(res, 404, 'not found');
  const [namespace, name, container] = logs.slice(1).map(decodeURIComponent) as [string, string, string];
  const served = o.findPod(namespace, name);
  if (!served) return void text(res, 404, `pod ${namespace}/${name} is not running on this node`);
  const names = [...(served.pod.spec?.initContainers ?? []), ...(served.pod.spec?.containers ?? [])].map((c) => c.name);
  if (!names.includes(container)) return void text(res, 404, `container ${container} is not valid for pod ${name}`);
  const uid = served.pod.metadata.uid!;
  const int = (key: string) => {
    const v = url.searchParams.get(key);
    return v === null || v === '' ? undefined : Math.max(0, Math.floor(Number(v)));
  };
  const flag = (key: string) => url.searchParams.get(key) === 'true';
  const lines = await served.runtime.readLogs(uid, container, {
    tailLines: int('tailLines'),
    sinceSeconds: int('sinceSeconds'),
    previous: flag('previous'),
    timestamps: flag('timestamps'),
  });
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  for (const line of lines) res.write(`${line}\n`);
  if (!flag('follow') || flag('previous')) return void res.end();

  const abort = new AbortController();
  follows.add(abort);
  req.on('close', () => abort.abort());
  try {
    const timestamps = flag('timestamps');
    for await (const line of served.runtime.followLogs(uid, container, abort.signal)) {
      res.write(`${(timestamps && !/^\d{4}-\d\d-\d\dT/.test(line) ? `${new Date().toISOString()} ` : '') + line}\n`);
    }
  } finally {
    follows.delete(abort);
    res.end();
  }
}

function text(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(`${message}\n`);
}
