import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { KEY_BYTES, type DataKey } from './envelope.js';

/**
 * The keys Secrets are sealed with. The first is the primary (new writes); the others
 * still open what they sealed, so a rotation never makes data unreadable. Text form,
 * shared by the environment and the file: `name:base64key` entries separated by commas
 * or new lines.
 */
export interface Keyring {
  primary(): DataKey;
  key(name: string): DataKey | undefined;
  names(): string[];
}

export const KEY_FILE_NAME = 'encryption-keys';

export function parseKeys(text: string, source: string): DataKey[] {
  const entries = text
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter((e) => e && !e.startsWith('#'));
  if (entries.length === 0) throw new Error(`${source}: no encryption key`);
  return entries.map((entry) => {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon) : '';
    const secret = Buffer.from(entry.slice(colon + 1), 'base64');
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) throw new Error(`${source}: each key is name:base64 with a name of letters, digits, - or _`);
    if (secret.length !== KEY_BYTES) throw new Error(`${source}: key "${name}" must be ${KEY_BYTES} bytes (base64 of 32 random bytes), got ${secret.length}`);
    return { name, secret };
  });
}

export function formatKeys(keys: readonly DataKey[]): string {
  return `${keys.map((k) => `${k.name}:${k.secret.toString('base64')}`).join('\n')}\n`;
}

export function staticKeyring(keys: readonly DataKey[]): Keyring {
  const byName = new Map(keys.map((k) => [k.name, k]));
  return { primary: () => keys[0]!, key: (name) => byName.get(name), names: () => keys.map((k) => k.name) };
}

export function newKey(name: string): DataKey {
  return { name, secret: randomBytes(KEY_BYTES) };
}

/**
 * The key file, re-read when it changes (a rotation writes it while the API runs):
 * writes check its modification time, and an unknown key name forces a re-read.
 */
export function fileKeyring(file: string): Keyring {
  let loadedMtime = -1;
  let ring = staticKeyring([]);
  const reload = (force: boolean) => {
    const mtime = statSync(file).mtimeMs;
    if (!force && mtime === loadedMtime) return;
    ring = staticKeyring(parseKeys(readFileSync(file, 'utf8'), file));
    loadedMtime = mtime;
  };
  reload(true);
  return {
    primary: () => {
      reload(false);
      return ring.primary();
    },
    key: (name) => {
      if (!ring.key(name)) reload(true);
      return ring.key(name);
    },
    names: () => {
      reload(false);
      return ring.names();
    },
  };
}

/** Replaces the key file in one rename, so a reader never sees half of it. */
export function writeKeyFile(file: string, keys: readonly DataKey[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, formatKeys(keys), { mode: 0o600 });
  renameSync(temporary, file);
}

/** Makes `<dataDir>/encryption-keys` with one new key unless it exists (first start). Returns the file and whether it was made. */
export function ensureKeyFile(dataDir: string): { file: string; created: boolean } {
  const file = join(resolve(dataDir), KEY_FILE_NAME);
  mkdirSync(dirname(file), { recursive: true });
  try {
    // Exclusive create: two first starts at once agree on one key.
    writeFileSync(file, formatKeys([newKey('key1')]), { mode: 0o600, flag: 'wx' });
    return { file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { file, created: false };
    throw error;
  }
}

/**
 * WHEELHOUSE_ENCRYPTION_KEYS (`name:base64,...`, first is primary) or
 * WHEELHOUSE_ENCRYPTION_KEY (one base64 key, named key1); otherwise the data
 * directory's key file, made on first start.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv, dataDir: string): { keyring: Keyring; source: string; createdFile?: string } {
  const many = env.WHEELHOUSE_ENCRYPTION_KEYS?.trim();
  if (many) return { keyring: staticKeyring(parseKeys(many, 'WHEELHOUSE_ENCRYPTION_KEYS')), source: 'WHEELHOUSE_ENCRYPTION_KEYS' };
  const one = env.WHEELHOUSE_ENCRYPTION_KEY?.trim();
  if (one) return { keyring: staticKeyring(parseKeys(`key1:${one}`, 'WHEELHOUSE_ENCRYPTION_KEY')), source: 'WHEELHOUSE_ENCRYPTION_KEY' };
  const { file, created } = ensureKeyFile(dataDir);
  return { keyring: fileKeyring(file), source: file, ...(created ? { createdFile: file } : {}) };
}
