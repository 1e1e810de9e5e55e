import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import httpProxy from 'http-proxy';
import type { Upstream } from './endpoints.js';
import type { IngressMetrics } from './metrics.js';
import { mayRetry } from './retry-policy.js';
import { decide } from './routes.js';
import type { ProxyState } from './state.js';
import type { Target } from './types.js';

const MAX_ATTEMPTS = 3;

/**
 * The data plane: each request reads the current snapshot once, picks the next ready
 * endpoint of its Service (round robin) and is proxied by http-proxy over kept-alive
 * upstream connections. A changed snapshot only affects requests that start later.
 */
export function createProxyHandlers(current: () => ProxyState, metrics: IngressMetrics, accessLog: (line: string) => void) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  const proxy = httpProxy.createProxyServer({ xfwd: true, agent, ws: true });
  const cursors = new Map<string, number>();

  const pick = (target: Target, upstreams: Upstream[], attempt: number): Upstream => {
    const key = `${target.namespace}/${target.service}`;
    const next = cursors.get(key) ?? 0;
    if (attempt === 0) cursors.set(key, next + 1);
    return upstreams[(next + attempt) % upstreams.length]!;
  };

  function web(req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void {
    const started = process.hrtime.bigint();
    const state = current();
    const target = decide(state.table, req.headers.host, req.url ?? '/');
    const labels = { namespace: target?.namespace ?? '', ingress: target?.ingress ?? '', service: target?.service ?? '' };
    let upstreamUsed = '-';
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requests.inc({ ...labels, status: String(res.statusCode) });
      if (target) metrics.latency.observe(labels, seconds);
      accessLog(
        `${req.socket.remoteAddress ?? '-'} "${req.method} ${req.url} HTTP/${req.httpVersion}" ${res.statusCode} ${res.getHeader('content-length') ?? '-'} host=${req.headers.host ?? '-'} ${scheme} ingress=${labels.namespace}/${labels.ingress} service=${labels.service} upstream=${upstreamUsed} ${(seconds * 1000).toFixed(2)}ms`,
      );
    });
    if (!target) {
      plain(res, 404, 'default backend - 404\n');
      return;
    }
    const upstreams = state.upstreams(target);
    if (upstreams.length === 0) {
      plain(res, 503, `no ready endpoints for service ${target.namespace}/${target.service}\n`);
      return;
    }
    // http-proxy appends to X-Forwarded-*; a retry starts again from what the client sent.
    const sentHeaders = { ...req.headers };
    const attempt = (n: number) => {
      const upstream = pick(target, upstreams, n);
      upstreamUsed = `${upstream.host}:${upstream.port}`;
      proxy.web(req, res, { target: `http://${upstreamUsed}` }, (error: NodeJS.ErrnoException) => {
        metrics.upstreamErrors.inc({ ...labels, code: error.code ?? 'unknown' });
        if (n + 1 < Math.min(MAX_ATTEMPTS, upstreams.length) && mayRetry(req.method, sentHeaders, error.code, res.headersSent)) {
          req.headers = { ...sentHeaders };
          attempt(n + 1);
          return;
        }
        if (!res.headersSent) plain(res, 502, `upstream ${upstreamUsed} failed: ${error.code ?? error.message}\n`);
        else res.destroy();
      });
    };
    attempt(0);
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const state = current();
    const target = decide(state.table, req.headers.host, req.url ?? '/');
    const upstreams = target ? state.upstreams(target) : [];
    if (!target || upstreams.length === 0) {
      socket.end(`HTTP/1.1 ${target ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const upstream = pick(target, upstreams, 0);
    proxy.ws(req, socket, head, { target: `http://${upstream.host}:${upstream.port}` }, (error: NodeJS.ErrnoException) => {
      metrics.upstreamErrors.inc({ namespace: target.namespace, ingress: target.ingress, service: target.service, code: error.code ?? 'unknown' });
      socket.destroy();
    });
  }

  return { web, upgrade, close: () => agent.destroy() };
}

function plain(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
