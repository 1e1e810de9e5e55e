// The embedded server's superuser password: random on first init, then read back on
// every restart (initdb baked it into the cluster).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Reads the password in `file`, creating it (mode 0600) when `mayCreate` is set, i.e. when
 * the cluster is about to be initialised. An existing cluster without its password file
 * cannot be logged into, so that is an error rather than a silent new password.
 */
export function readOrCreatePassword(file: string, mayCreate: boolean): string {
  if (existsSync(file)) {
    const password = readFileSync(file, 'utf8').trim();
    if (password) return password;
  }
  if (!mayCreate) {
    throw new Error(
      `the embedded PostgreSQL password file ${file} is missing or empty but the database already exists; restore the file or delete the data directory to start afresh`,
    );
  }
  const password = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
