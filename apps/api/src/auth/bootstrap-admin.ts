import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '@wheelhouse/db';
import { generateToken, storeToken } from './tokens.js';

export const ADMIN_TOKEN_NAME = 'admin';

/**
 * WHEELHOUSE_ADMIN_TOKEN, when set, is the cluster admin's token. Otherwise the first
 * start makes one, stores only its hash, and writes the token to a file for the user.
 * Returns where the token was written, if it was.
 */
export async function bootstrapAdminToken(db: Db, env: { adminToken?: string; dataDir: string }): Promise<string | undefined> {
  if (env.adminToken) {
    await storeToken(db, ADMIN_TOKEN_NAME, env.adminToken, 'cluster-admin');
    return undefined;
  }
  const existing = await db.apiToken.findUnique({ where: { name: ADMIN_TOKEN_NAME } });
  if (existing) return undefined;
  const token = generateToken();
  const dir = resolve(env.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'admin-token');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  await storeToken(db, ADMIN_TOKEN_NAME, token, 'cluster-admin');
  return file;
}
