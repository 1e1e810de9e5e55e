import type { Db } from '@wheelhouse/db';
import { ApiError } from '@wheelhouse/resources';
import { findPrincipal, type Principal } from './tokens.js';
import { apiserverPrincipal, looksLikeJwt, nodePrincipal, serviceAccountPrincipal, type ServiceAccountTokens, type TokenClaims } from './service-account-tokens.js';

/** ServiceAccount tokens: the verifier, and whether the objects a token names still exist (same uid). */
export interface ServiceAccountAuthentication {
  tokens: ServiceAccountTokens;
  stillValid(claims: TokenClaims): Promise<boolean>;
}

/** Resolves `Bearer <token>` (HTTP header or WebSocket connectionParams) to a principal, with a short cache. */
export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();
  private serviceAccounts?: ServiceAccountAuthentication;

  constructor(
    private readonly db: Db,
    private readonly cacheMs = 10_000,
  ) {}

  /** Accept ServiceAccount tokens too (the API turns this on once their key is loaded). */
  useServiceAccounts(serviceAccounts: ServiceAccountAuthentication): void {
    this.serviceAccounts = serviceAccounts;
  }

  /** Drops cached principals (a ServiceAccount deleted: its tokens stop working at once). */
  forget(matches: (principal: Principal) => boolean): void {
    for (const [token, entry] of this.cache) if (matches(entry.principal)) this.cache.delete(token);
  }

  async authenticate(authorization: unknown): Promise<Principal> {
    const token = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] : undefined;
    if (!token) throw new ApiError('UNAUTHENTICATED', 'missing bearer token: send "Authorization: Bearer <token>"');
    const hit = this.cache.get(token);
    const now = Date.now();
    if (hit && hit.until > now) return hit.principal;
    const found = looksLikeJwt(token) ? await this.serviceAccountToken(token) : { principal: await findPrincipal(this.db, token), until: now + this.cacheMs };
    if (!found?.principal) throw new ApiError('UNAUTHENTICATED', 'invalid bearer token');
    this.cache.set(token, { principal: found.principal, until: Math.min(found.until, now + this.cacheMs) });
    return found.principal;
  }

  private async serviceAccountToken(token: string): Promise<{ principal: Principal; until: number } | null> {
    if (!this.serviceAccounts) return null;
    const verified = await this.serviceAccounts.tokens.verify(token);
    if (!verified) return null;
    const { identity, expiresAt } = verified;
    if (identity.type === 'node') return { principal: nodePrincipal(identity.name), until: expiresAt };
    if (identity.type === 'apiserver') return { principal: apiserverPrincipal(), until: expiresAt };
    if (!(await this.serviceAccounts.stillValid(identity.claims))) return null;
    const principal = serviceAccountPrincipal(identity.claims.serviceAccount);
    if (identity.claims.pod) principal.boundPod = `${identity.claims.serviceAccount.namespace}/${identity.claims.pod.name}`;
    return { principal, until: expiresAt };
  }
}
