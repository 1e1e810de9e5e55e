// One HTTP GET as the kubelet's prober sends it (pkg/probe/http): no keep-alive,
// `User-Agent: kube-probe/…`, user headers on top (Host included), TLS not
// verified for HTTPS, response body read up to 10 KiB.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { dialErrorMessage, hostPort } from './dial-error.js';

export interface HttpGetSpec {
  scheme?: string;
  host: string;
  port: number;
  path?: string;
  headers?: { name: string; value: string }[];
  timeoutMs: number;
}

export type HttpGetOutcome = { statusCode: number; body: string } | { error: string };

const MAX_BODY = 10 * 1024;
export const PROBE_USER_AGENT = 'kube-probe/1.31';

export function probeUrl(spec: Pick<HttpGetSpec, 'scheme' | 'host' | 'port' | 'path'>): string {
  const scheme = (spec.scheme || 'HTTP').toLowerCase();
  const path = !spec.path ? '/' : spec.path.startsWith('/') ? spec.path : `/${spec.path}`;
  return `${scheme}://${hostPort(spec.host, spec.port)}${path}`;
}

export function httpGet(spec: HttpGetSpec): Promise<HttpGetOutcome> {
  const url = probeUrl(spec);
  const headers: Record<string, string> = { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*', Connection: 'close' };
  for (const { name, value } of spec.headers ?? []) headers[name] = value;
  const isHttps = url.startsWith('https:');
  const send = isHttps ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpGetOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const req = send(url, { method: 'GET', headers, agent: false, ...(isHttps ? { rejectUnauthorized: false } : {}) }, (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length >= MAX_BODY) finish({ statusCode: res.statusCode ?? 0, body: body.slice(0, MAX_BODY) });
      });
      res.on('end', () => finish({ statusCode: res.statusCode ?? 0, body }));
      res.on('error', () => finish({ statusCode: res.statusCode ?? 0, body }));
    });
    const timer = setTimeout(
      () => finish({ error: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` }),
      spec.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: `Get "${url}": ${dialErrorMessage(error, spec.host, spec.port)}` }));
    req.end();
  });
}
