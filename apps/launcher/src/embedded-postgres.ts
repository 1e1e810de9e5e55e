// The embedded PostgreSQL (the k3s idea: no database to install). Data lives in `pgDir`
// and survives restarts; the cluster is initialised only when that dir is new.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedDatabase } from './config.js';
import { createDatabaseIfAbsent } from './create-database.js';
import type { Database } from './database-handle.js';
import { loadEmbeddedPostgres } from './load-embedded-postgres.js';
import { errorMessage, type Logger } from './log.js';
import { readOrCreatePassword } from './password.js';
import { startServer } from './postgres-server.js';
import { clearStaleLock } from './stale-lock.js';
import { postgresUrl } from './urls.js';

const USER = 'postgres';
// The library otherwise asks initdb for en_US.UTF-8, which minimal images lack.
const INITDB_FLAGS = ['--lc-messages=C.UTF-8', '--locale=C.UTF-8'];
const ROOT_HINT =
  '\n(as root, PostgreSQL runs as the `postgres` user, which needs to reach the data dir: ' +
  'every parent directory must be searchable by others, e.g. chmod o+x; or set WHEELHOUSE_DATA_DIR)';

export async function startEmbeddedPostgres(plan: EmbeddedDatabase, log: Logger): Promise<Database> {
  const isNew = !existsSync(join(plan.pgDir, 'PG_VERSION'));
  const password = readOrCreatePassword(plan.passwordFile, isNew);
  const serverLog = log.child('postgres');
  const { EmbeddedPostgres, binaries } = await loadEmbeddedPostgres();
  // Used for initdb (and a client); the server itself is run by postgres-server.ts.
  const library = new EmbeddedPostgres({
    databaseDir: plan.pgDir,
    port: plan.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    initdbFlags: INITDB_FLAGS,
    // PostgreSQL refuses to run as root; the library then creates a `postgres` user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => serverLog.debug(message.trimEnd()),
    onError: (err) => log.error(`postgres: ${errorMessage(err)}`),
  });

  if (isNew) {
    log.info(`initialising PostgreSQL in ${plan.pgDir}`);
    await library.initialise().catch((err: unknown) => {
      const message = errorMessage(err);
      const hint = /Permission denied/.test(message) && process.getuid?.() === 0 ? ROOT_HINT : '';
      throw new Error(`initdb failed in ${plan.pgDir}: ${message}${hint}`);
    });
  } else {
    await clearStaleLock(plan.pgDir, log);
  }

  log.info(`starting PostgreSQL on 127.0.0.1:${plan.port} (data in ${plan.pgDir})`);
  const server = await startServer({ bin: binaries.postgres, pgDir: plan.pgDir, port: plan.port, log: serverLog });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('stopping PostgreSQL');
      await server.stop();
      log.info('PostgreSQL stopped');
    })());
  try {
    if (await createDatabaseIfAbsent(library.getPgClient('postgres', '127.0.0.1'), plan.database)) {
      log.info(`created database ${plan.database}`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const url = postgresUrl({ user: USER, password, host: '127.0.0.1', port: plan.port, database: plan.database });
  return { url, exited: server.exited, stop };
}
