import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A component's API token: WHEELHOUSE_TOKEN, else the admin token from the environment or the file the API wrote. */
export function resolveToken(env: NodeJS.ProcessEnv): string {
  const token = env.WHEELHOUSE_TOKEN || env.WHEELHOUSE_ADMIN_TOKEN;
  if (token) return token;
  const file = join(env.WHEELHOUSE_DATA_DIR ?? '.wheelhouse', 'admin-token');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`no API token: set WHEELHOUSE_TOKEN (or WHEELHOUSE_ADMIN_TOKEN), or run beside the API's ${file}`);
  }
}
