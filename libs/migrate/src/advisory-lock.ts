import { withClient } from './pg-client.js';

// Prisma's engine takes pg_advisory_lock(72707369) itself, but with a 10 s acquire
// timeout, and through a pooled connection it only lets go of when the pool ends. We
// serialise whole deploys under our own lock, which waits as long as it takes. The
// two-key form lives in a separate key space, so it can never collide with Prisma's.
const LOCK_CLASS = 72707369;
const LOCK_DEPLOY = 1;

/** Runs `fn` while holding the deploy lock of the database at `url`. */
export function withDeployLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  return withClient(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, LOCK_DEPLOY]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, LOCK_DEPLOY]);
    }
  });
}
