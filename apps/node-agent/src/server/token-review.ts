// Who may read logs and stats or exec at the agent: whoever the API says may use node
// agents (kubelet webhook authentication and authorization: `get nodes/proxy`). The API
// calls with its own credential (kube-apiserver-kubelet-client), never a user's. The
// agent asks the API with the presented bearer token; answers are cached briefly.
import { createHash } from 'node:crypto';

export type TokenReviewer = (authorization: string | undefined) => Promise<boolean>;

export function apiTokenReviewer(server: string, cacheMs = 60_000): TokenReviewer {
  const cache = new Map<string, { ok: boolean; until: number }>();
  return async (authorization) => {
    const token = authorization && /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) return false;
    const key = createHash('sha256').update(token).digest('hex');
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.ok;
    let ok = false;
    try {
      const res = await fetch(server, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query KubeletAuthorization { selfSubjectAccessReview(verb: "get", resource: "nodes", subresource: "proxy") { allowed } }' }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { data?: { selfSubjectAccessReview?: { allowed?: boolean } }; errors?: unknown[] };
      ok = res.ok && !body.errors?.length && body.data?.selfSubjectAccessReview?.allowed === true;
    } catch {
      return false; // API unreachable: refuse, but do not remember
    }
    if (cache.size > 1000) cache.clear();
    cache.set(key, { ok, until: Date.now() + cacheMs });
    return ok;
  };
}
