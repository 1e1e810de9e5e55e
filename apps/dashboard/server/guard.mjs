// What the dashboard server checks before it acts with the session's token, and the
// headers every answer carries. The cookie is SameSite=Strict, but "same site" ignores
// ports: a page on 127.0.0.1:<any other port> is the same site as the dashboard, so
// every request that acts is also checked for this exact origin and for JSON.
import { randomBytes } from 'node:crypto';

/**
 * True when the request comes from a page of this dashboard: its Origin (sent by
 * browsers on every POST and WebSocket) names this host and port. Without an Origin,
 * Fetch Metadata decides (`Sec-Fetch-Site`); a client sending neither is not a browser
 * and cannot carry a victim's cookie. `Origin: null` (sandboxed frames, file:) is refused.
 */
export function fromThisOrigin(req) {
  const origin = req.headers.origin;
  if (origin === undefined) {
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === req.headers.host;
}

/** Exactly `application/json` (parameters allowed): a cross-origin form can only send text/plain, urlencoded or multipart without a CORS preflight. */
export function isJsonRequest(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}

/** A fresh nonce for one page's scripts. */
export function newNonce() {
  return randomBytes(16).toString('base64');
}

/**
 * The page policy: scripts only from this server with this response's nonce (Next.js
 * puts the nonce it reads from the request's CSP header on its own scripts); Mantine
 * sets inline styles; the GraphQL socket is this origin's. Development mode needs eval.
 */
export function contentSecurityPolicy(nonce, dev = false) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers of every answer. */
export function setSecurityHeaders(res) {
  // The console's buttons act on the cluster: never inside another site's frame.
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
}
