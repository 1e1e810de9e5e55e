import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { CharAsTextClient } from './char-as-text-client.js';
import { quoteIdent, withDatabase } from './database-url.js';
import { withClient } from './pg-client.js';
import type { MigrationAwareFactory } from './bind-adapter.js';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgPool = ReturnType<PgAdapter['underlyingDriver']>;

/**
 * The driver adapter factory handed to the schema engine. It wraps @prisma/adapter-pg with
 * pools we own, so `close()` reliably ends every connection (and with them the engine's
 * session-level advisory lock) whatever the engine did or did not dispose.
 */
export class MigrationAdapterFactory implements MigrationAwareFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  readonly #url: string;
  readonly #cleanups = new Set<() => Promise<void>>();

  constructor(url: string) {
    this.#url = url;
  }

  async connect(): Promise<PgAdapter> {
    return (await this.#open(this.#url)).adapter;
  }

  /** A fresh database on the same server, dropped when the engine disposes it (or on close). */
  async connectToShadowDb(): Promise<PgAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await withClient(this.#url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const drop = once(() =>
      withClient(this.#url, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
    );
    this.#cleanups.add(drop);
    const { adapter, end } = await this.#open(withDatabase(this.#url, name));
    adapter.dispose = async () => {
      await end();
      await drop();
    };
    return adapter;
  }

  /** Ends every pool and drops any shadow database left behind. */
  async close(): Promise<void> {
    // Pools first: a shadow database cannot be dropped while our own connections use it.
    const cleanups = [...this.#cleanups].reverse();
    this.#cleanups.clear();
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }

  async #open(url: string): Promise<{ adapter: PgAdapter; end: () => Promise<void> }> {
    const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient });
    // An idle connection that dies (e.g. a shadow database dropped WITH (FORCE)) must not
    // crash the process; queries report their own errors.
    pool.on('error', () => {});
    const end = once(() => pool.end());
    this.#cleanups.add(end);
    // One runtime pg; only adapter-pg's nested @types/pg differs from ours.
    const adapter = await new PrismaPg(pool as unknown as PgPool).connect();
    // adapter-pg splits scripts on every `;` and runs the pieces one by one on any pooled
    // connection. A migration must run as one multi-statement query, as Prisma's native
    // engine does: PostgreSQL then applies it atomically, and `;` inside strings is safe.
    const { onError } = adapter as unknown as { onError(error: unknown): never };
    adapter.executeScript = async (script: string) => {
      // onError turns pg errors into the DriverAdapterError the engine can report.
      await adapter
        .underlyingDriver()
        .query(script)
        .catch((error: unknown) => onError.call(adapter, error));
    };
    return { adapter, end };
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
