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
  /** The probe's httpHeaders, as the pod spec has them (a header without a name is skipped). */
  headers?: readonly { name?: string; value?: string }[];
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

/**
 * GETs the probe URL. Redirects to the same host are followed (at most 10, as Go's
 * client does); one to another host ends the probe with that 3xx response, which
 * the kubelet counts as success ("Probe terminated redirects").
 */
export async function httpGet(spec: HttpGetSpec): Promise<HttpGetOutcome> {
  const headers: Record<string, string> = { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*', Connection: 'close' };
  for (const { name, value } of spec.headers ?? []) if (name) headers[name] = value ?? '';
  const deadline = Date.now() + spec.timeoutMs;
  let url = probeUrl(spec);
  for (let redirects = 0; ; redirects++) {
    const outcome = await getOnce(url, headers, Math.max(0, deadline - Date.now()));
    if ('error' in outcome || !outcome.location || outcome.statusCode < 300 || outcome.statusCode >= 400) return strip(outcome);
    if (redirects === 10) return { error: `Get "${outcome.location}": stopped after 10 redirects` };
    const next = new URL(outcome.location, url);
    if (next.hostname !== new URL(url).hostname) return strip(outcome);
    url = next.href;
  }
}

type OnceOutcome = { statusCode: number; body: string; location?: string } | { error: string };

function strip(outcome: OnceOutcome): HttpGetOutcome {
  return 'error' in outcome ? outcome : { statusCode: outcome.statusCode, body: outcome.body };
}

function getOnce(url: string, headers: Record<string, string>, timeoutMs: number): Promise<OnceOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  const isHttps = target.protocol === 'https:';
  const send = isHttps ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: OnceOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const req = send(url, { method: 'GET', headers, agent: false, ...(isHttps ? { rejectUnauthorized: false } : {}) }, (res: IncomingMessage) => {
      const statusCode = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length >= MAX_BODY) finish({ statusCode, body: body.slice(0, MAX_BODY), location });
      });
      res.on('end', () => finish({ statusCode, body, location }));
      res.on('error', () => finish({ statusCode, body, location }));
    });
    const timer = setTimeout(() => finish({ error: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` }), timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: `Get "${url}": ${dialErrorMessage(error, host, port)}` }));
    req.end();
  });
}
