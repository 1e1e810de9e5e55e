import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '@wheelhouse/db';

/** How the API treats a credential beyond RBAC: flow control puts nodes at system priority. */
export type Role = 'cluster-admin' | 'node' | 'user' | 'serviceaccount';

/** An authenticated user (Kubernetes' user.Info): name, groups (system:authenticated included). */
export interface Principal {
  name: string;
  role: Role;
  groups: readonly string[];
  /** A ServiceAccount token bound to a pod: `namespace/name` of that pod (its deletion ends the token). */
  boundPod?: string;
}

export const AUTHENTICATED = 'system:authenticated';

/** The groups a static token's role stands for, plus its own. */
export function groupsOf(role: string, own: readonly string[] = []): string[] {
  // The shared node token only bootstraps: it is exchanged for the node's own credential.
  const implied = role === 'cluster-admin' ? ['system:masters'] : role === 'node' ? ['system:bootstrappers'] : [];
  return [...new Set([...implied, ...own, AUTHENTICATED])];
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

export async function storeToken(db: Db, name: string, token: string, role: Role, groups: string[] = []): Promise<void> {
  const tokenHash = hashToken(token);
  await db.apiToken.upsert({ where: { name }, create: { id: randomUUID(), name, tokenHash, role, groups }, update: { tokenHash, role, groups } });
}

export async function findPrincipal(db: Db, token: string): Promise<Principal | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row ? { name: row.name, role: row.role as Role, groups: groupsOf(row.role, row.groups) } : null;
}
