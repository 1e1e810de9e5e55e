import { randomBytes } from 'node:crypto';
import { quoteIdent, withDatabase } from './database-url.js';
import { migrateDeploy } from './deploy.js';
import { defaultDatabaseUrl } from './paths.js';
import { withClient } from './pg-client.js';

export interface ThrowawayDatabase {
  /** Connection URL of the new, fully migrated database. */
  url: string;
  /** Terminates its connections and drops it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database (`wh_test_<time>_<random>`) on the server of
 * `adminUrl` and applies every migration to it, for integration tests.
 */
export async function createThrowawayDatabase(adminUrl = process.env.TEST_DATABASE_URL ?? defaultDatabaseUrl): Promise<ThrowawayDatabase> {
  const name = `wh_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const drop = async () => {
    // FORCE terminates the connections a test may have left open.
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  };
  const url = withDatabase(adminUrl, name);
  try {
    await migrateDeploy(url);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { url, drop };
}
