import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { DEFAULT_LIMITS, startApiServer, type ApiConfig, type ApiLimits, type ApiServer } from '@wheelhouse/api';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_TOKEN = 'test-admin-token';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface TestApi {
  server: ApiServer;
  databaseUrl: string;
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** data, or throws with the first error's code and message. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  ws(): Client;
  close(): Promise<void>;
}

/** A real API server (HTTP + WebSocket) on a free port over a fresh database. */
export async function startTestApi(
  options: {
    databaseUrl?: string;
    env?: Partial<Record<string, string>>;
    limits?: Partial<ApiLimits>;
    tls?: { certFile: string; keyFile: string };
    audit?: ApiConfig['audit'];
    /** The API's data directory (its key file lives there); default: a new temporary one. */
    dataDir?: string;
    serviceRanges?: ApiConfig['serviceRanges'];
  } = {},
): Promise<TestApi> {
  const database = options.databaseUrl ? undefined : await createThrowawayDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const env = options.env ?? {};
  const server = await startApiServer({
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    adminToken: TEST_TOKEN,
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'wh-test-')),
    watchRetentionSeconds: Number(env.WHEELHOUSE_WATCH_RETENTION_SECONDS ?? 3600),
    watchMinRevisions: Number(env.WHEELHOUSE_WATCH_MIN_REVISIONS ?? 10_000),
    compactionIntervalMs: 3_600_000,
    bookmarkIntervalMs: Number(env.WHEELHOUSE_BOOKMARK_INTERVAL_MS ?? 30_000),
    pollIntervalMs: 1000,
    dbPoolSize: 10,
    defaultTolerationSeconds: env.WHEELHOUSE_DEFAULT_TOLERATION_SECONDS ? Number(env.WHEELHOUSE_DEFAULT_TOLERATION_SECONDS) : undefined,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    tls: options.tls,
    audit: options.audit,
    serviceRanges: options.serviceRanges,
    serviceRepairIntervalMs: 0,
  });
  const clients: Client[] = [];
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token: string = TEST_TOKEN): Promise<GraphQLResponse<T>> => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };
  return {
    server,
    databaseUrl,
    url: server.url,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const result = await gql<T>(query, variables);
      if (result.errors?.length) {
        const e = result.errors[0]!;
        throw Object.assign(new Error(`${e.extensions?.code}: ${e.message}`), { code: e.extensions?.code, field: e.extensions?.field });
      }
      return result.data!;
    },
    ws() {
      const client = createClient({
        url: server.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${TEST_TOKEN}` },
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await server.close();
      await database?.drop();
    },
  };
}

/** Collects subscription events until `count` arrived (or the timeout). */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>, count: number, timeoutMs = 15_000) {
  const events: T[] = [];
  const errors: unknown[] = [];
  let unsubscribe = () => {};
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out with ${events.length}/${count} events; errors: ${JSON.stringify(errors)}`));
    }, timeoutMs);
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          // graphql-ws delivers an error raised when the stream opens (e.g. EXPIRED) as a result with errors.
          if (value.errors) {
            clearTimeout(timer);
            errors.push(value.errors);
            reject(Object.assign(new Error('subscription error'), { errors: value.errors }));
            return;
          }
          if (value.data) events.push(value.data as T);
          if (events.length >= count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(events);
          }
        },
        error: (error) => {
          clearTimeout(timer);
          errors.push(error);
          reject(Object.assign(new Error('subscription error'), { errors: error }));
        },
        complete: () => {},
      },
    );
  });
  return { events, errors, done, stop: () => unsubscribe() };
}

export const POD_FIELDS = `metadata { name namespace uid resourceVersion generation labels annotations finalizers deletionTimestamp deletionGracePeriodSeconds creationTimestamp }
  spec { nodeName restartPolicy terminationGracePeriodSeconds dnsPolicy containers { name image command } }
  status { phase podIP }`;

export function podInput(name: string, extra: { labels?: Record<string, string>; nodeName?: string; finalizers?: string[] } = {}) {
  return {
    metadata: { name, labels: extra.labels ?? {}, finalizers: extra.finalizers },
    spec: { nodeName: extra.nodeName, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  };
}
