import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '@wheelhouse/db';
import { generateToken, hashToken, sameHash, storeToken } from './tokens.js';

export const NODE_TOKEN_NAME = 'node';

/**
 * The token node agents authenticate with (role `node`). WHEELHOUSE_NODE_TOKEN, when
 * set, is it (every machine's agents get the same value). Otherwise the API keeps a
 * generated one in `<data dir>/node-token`, next to the admin token, for the agents the
 * launcher starts on this machine; a file that no longer matches is replaced.
 * Returns the file when it wrote one.
 */
export async function bootstrapNodeToken(db: Db, env: { nodeToken?: string; dataDir: string }): Promise<string | undefined> {
  if (env.nodeToken) {
    await storeToken(db, NODE_TOKEN_NAME, env.nodeToken, 'node');
    return undefined;
  }
  const dir = resolve(env.dataDir);
  const file = join(dir, 'node-token');
  const onDisk = readToken(file);
  const row = await db.apiToken.findUnique({ where: { name: NODE_TOKEN_NAME } });
  if (onDisk && row && sameHash(hashToken(onDisk), row.tokenHash)) return undefined;
  const token = generateToken();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  await storeToken(db, NODE_TOKEN_NAME, token, 'node');
  return file;
}

function readToken(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
