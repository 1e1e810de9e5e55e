import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '@wheelhouse/db';

export type Role = 'cluster-admin' | 'node';

export interface Principal {
  name: string;
  role: Role;
}

/** Tokens are stored as SHA-256 hashes only; a leaked table does not leak tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export async function storeToken(db: Db, name: string, token: string, role: Role): Promise<void> {
  const tokenHash = hashToken(token);
  await db.apiToken.upsert({ where: { name }, create: { id: randomUUID(), name, tokenHash, role }, update: { tokenHash, role } });
}

export async function findPrincipal(db: Db, token: string): Promise<Principal | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row ? { name: row.name, role: row.role as Role } : null;
}
