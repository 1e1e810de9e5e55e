// The bearer token lives in an httpOnly cookie: page scripts never see it.
export const TOKEN_COOKIE = 'wh-token';
const MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

export function parseCookies(header = '') {
  const cookies = {};
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A malformed cookie is ignored, not fatal.
    }
  }
  return cookies;
}

export function tokenOf(req) {
  return parseCookies(req.headers.cookie)[TOKEN_COOKIE] || undefined;
}

export function sessionCookie(token, secure) {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure) {
  return `${TOKEN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** Asks the API whether the token is good: any authenticated query answers without UNAUTHENTICATED. */
export async function validateToken(apiGraphqlUrl, token) {
  const res = await fetch(apiGraphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ namespaces(limit: 1) { metadata { resourceVersion } } }' }),
  });
  const body = await res.json().catch(() => ({}));
  const error = body.errors?.[0];
  if (!error) return { ok: true };
  return { ok: false, code: error.extensions?.code, message: error.message };
}

/** Pages a signed-out user may open. */
export function isPublicPath(pathname) {
  return pathname === '/sign-in' || pathname.startsWith('/_next/') || pathname === '/favicon.ico' || pathname === '/api/session';
}
