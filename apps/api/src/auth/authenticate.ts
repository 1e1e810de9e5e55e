import type { Db } from '@wheelhouse/db';
import { ApiError } from '@wheelhouse/resources';
import { findPrincipal, type Principal } from './tokens.js';

/** Resolves `Bearer <token>` (HTTP header or WebSocket connectionParams) to a principal, with a short cache. */
export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly cacheMs = 10_000,
  ) {}

  async authenticate(authorization: unknown): Promise<Principal> {
    const token = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] : undefined;
    if (!token) throw new ApiError('UNAUTHENTICATED', 'missing bearer token: send "Authorization: Bearer <token>"');
    const hit = this.cache.get(token);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await findPrincipal(this.db, token);
    if (!principal) throw new ApiError('UNAUTHENTICATED', 'invalid bearer token');
    this.cache.set(token, { principal, until: Date.now() + this.cacheMs });
    return principal;
  }
}
