import type { Db } from '../prisma.js';
import type { Keyring } from './keyring.js';

/**
 * Which keyring a database client seals and opens with. Kept beside the client rather
 * than global, so two API servers in one process (tests) may use different keys.
 */
const keyrings = new WeakMap<Db, Keyring>();

export function useKeyring(db: Db, keyring: Keyring): void {
  keyrings.set(db, keyring);
}

export function keyringOf(db: Db): Keyring | undefined {
  return keyrings.get(db);
}
