import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '@wheelhouse/api';
import { WheelhouseClient } from '@wheelhouse/client';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@wheelhouse/migrate';

export const ADMIN_TOKEN = 'controller-runtime-test-token';

/** The real API in this process over a throwaway database, for integration tests. */
export interface RealApi {
  readonly url: string;
  readonly port: number;
  /** A new client (closed by close()). */
  client(): WheelhouseClient;
  /** Stops the server, keeping the database. */
  stopServer(): Promise<void>;
  /** Starts a server on the same database (and the same port unless told otherwise). */
  startServer(port?: number): Promise<ApiServer>;
  close(): Promise<void>;
}

export async function startRealApi(): Promise<RealApi> {
  const database: ThrowawayDatabase = await createThrowawayDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'wh-cr-test-'));
  const start = (port: number) =>
    startApiServer({
      databaseUrl: database.url,
      port,
      host: '127.0.0.1',
      adminToken: ADMIN_TOKEN,
      dataDir,
      watchRetentionSeconds: 3600,
      watchMinRevisions: 10_000,
      compactionIntervalMs: 3_600_000,
      bookmarkIntervalMs: 30_000,
      pollIntervalMs: 1000,
      dbPoolSize: 4,
    });
  let server: ApiServer | undefined = await start(0);
  const port = server.port;
  const url = server.url;
  const clients: WheelhouseClient[] = [];
  return {
    url,
    port,
    client() {
      const client = new WheelhouseClient({ server: url, token: ADMIN_TOKEN });
      clients.push(client);
      return client;
    },
    async stopServer() {
      await server?.close();
      server = undefined;
    },
    async startServer(onPort = port) {
      const started = await start(onPort);
      if (onPort === port) server = started;
      return started;
    },
    async close() {
      for (const client of clients) client.close();
      await server?.close();
      await database.drop();
    },
  };
}
