import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { createDb, Store, type Db } from '@wheelhouse/db';
import { ApiError, setDefaultTolerationSeconds } from '@wheelhouse/resources';
import { buildApiSchema } from './schema.js';
import type { ApiConfig } from './config.js';
import type { ApiContext } from './context.js';
import { Authenticator } from './auth/authenticate.js';
import type { Principal } from './auth/tokens.js';
import { bootstrapAdminToken } from './auth/bootstrap-admin.js';
import { bootstrapNodeToken } from './auth/bootstrap-node.js';
import { authorize } from './auth/authorize.js';
import { describeOperation } from './auth/operation.js';
import { formatError } from './errors/format-error.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { metricsPlugin } from './metrics/metrics.plugin.js';
import { Broadcaster } from './watch/broadcaster.js';
import { ChangeTail } from './watch/tail.js';
import { openWatch } from './watch/watch-stream.js';
import { subscribeShared } from './watch/shared-execution.js';
import { startCompactor } from './watch/compactor.js';
import { InputChecker } from './modules/apply/input-checker.js';
import { ensureSystemNamespaces } from './ensure-namespaces.js';
import { log } from './log.js';

export interface ApiServer {
  url: string;
  port: number;
  db: Db;
  store: Store;
  tail: ChangeTail;
  adminTokenFile?: string;
  /** Where a generated node agent token was written, if one was. */
  nodeTokenFile?: string;
  close(): Promise<void>;
}

let schemaOnce: Promise<GraphQLSchema> | undefined;

/** The API process: GraphQL over HTTP and WebSocket on one port, /healthz and /metrics. */
export async function startApiServer(config: ApiConfig): Promise<ApiServer> {
  const schema = await (schemaOnce ??= buildApiSchema());
  if (config.defaultTolerationSeconds !== undefined) setDefaultTolerationSeconds(config.defaultTolerationSeconds);
  const db = createDb(config.databaseUrl, config.dbPoolSize);
  const store = new Store(db);
  const metrics = createMetrics();
  const broadcaster = new Broadcaster();
  const tail = new ChangeTail(db, broadcaster, {
    databaseUrl: config.databaseUrl,
    pollIntervalMs: config.pollIntervalMs,
    onBatch: (batch) => {
      const last = batch[batch.length - 1]!;
      metrics.tailRevision.set(Number(last.revision));
      metrics.tailLag.set(Math.max(0, (Date.now() - new Date(last.createdAt).getTime()) / 1000));
    },
    onError: (error) => log.warn('change-log tail', error),
  });
  const adminTokenFile = await bootstrapAdminToken(db, { adminToken: config.adminToken, dataDir: config.dataDir });
  const nodeTokenFile = await bootstrapNodeToken(db, { nodeToken: config.nodeToken, dataDir: config.dataDir });
  await ensureSystemNamespaces(store);
  await tail.start();
  const stopCompactor = startCompactor(db, { retentionSeconds: config.watchRetentionSeconds, minRevisions: config.watchMinRevisions }, config.compactionIntervalMs, (error) =>
    log.warn('compaction', error),
  );

  const authenticator = new Authenticator(db);
  const inputs = new InputChecker(schema);
  const contextFor = (principal: Principal | null, authorization?: string): ApiContext => ({
    store,
    principal,
    authorization,
    actor: principal?.name ?? null,
    inputs,
    watch: (kind, filter, request) =>
      openWatch(kind, filter, request, {
        store,
        broadcaster,
        bookmarkIntervalMs: config.bookmarkIntervalMs,
        maxQueuedChanges: 50_000,
        onOpen: () => metrics.watchers.inc(),
        onClose: () => metrics.watchers.dec(),
        onError: (error) => log.warn('watch', error),
      }),
  });

  const httpServer = createServer();
  keepIdleConnectionsLongerThanAdvertised(httpServer);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema,
      subscribe: subscribeShared,
      context: (ctx) => contextFor(ctx.extra.principal ?? null, stringOrUndefined(ctx.connectionParams?.authorization)),
      onSubscribe: async (ctx, _id, payload) => {
        try {
          ctx.extra.principal = await authenticator.authenticate(ctx.connectionParams?.authorization);
          const operation = getOperationAST(parse(payload.query), payload.operationName);
          if (operation) authorize(ctx.extra.principal, describeOperation(operation));
        } catch (error) {
          return [toGraphQLError(error)];
        }
        return undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e)),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((e) => toGraphQLError(e)) } : undefined),
    },
    wsServer,
  );

  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, (e) => log.error('request failed', e)),
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown; Apollo's own signal handler would stop the server under us.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metricsPlugin(metrics),
      {
        requestDidStart: async () => ({
          didResolveOperation: async ({ operation, contextValue }) => {
            if (operation) authorize(contextValue.principal, describeOperation(operation));
          },
        }),
      },
    ],
  });
  await apollo.start();

  httpServer.on('request', (req, res) => {
    res.setHeader('Keep-Alive', `timeout=${ADVERTISED_KEEP_ALIVE_SECONDS}`);
    route(req, res, { apollo, db, metrics, authenticator, contextFor }).catch((error) => {
      log.error('http', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as { port: number }).port;

  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    db,
    store,
    tail,
    adminTokenFile,
    nodeTokenFile,
    async close() {
      stopCompactor();
      await wsCleanup.dispose();
      await apollo.stop();
      await tail.stop();
      await db.$disconnect();
    },
  };
}

interface Routes {
  apollo: ApolloServer<ApiContext>;
  db: Db;
  metrics: Metrics;
  authenticator: Authenticator;
  contextFor(principal: Principal | null, authorization?: string): ApiContext;
}

async function route(req: IncomingMessage, res: ServerResponse, r: Routes): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    const ok = await r.db.$queryRawUnsafe('SELECT 1').then(
      () => true,
      () => false,
    );
    res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok' : 'database unreachable');
    return;
  }
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': r.metrics.registry.contentType }).end(await r.metrics.registry.metrics());
    return;
  }
  if (url.pathname !== '/graphql') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
  const response = await r.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => {
      try {
        return r.contextFor(await r.authenticator.authenticate(req.headers.authorization), req.headers.authorization);
      } catch (error) {
        throw toGraphQLError(error, 401);
      }
    },
  });
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') res.end(response.body.string);
  else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch {
        resolve(text);
      }
    });
    req.on('error', reject);
  });
}

/** An error as GraphQL sends it: API errors keep their code; anything else is internal, without details. */
function toGraphQLError(error: unknown, httpStatus?: number): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof ApiError) {
    return new GraphQLError(original.message, { extensions: { ...original.extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
  }
  if (error instanceof GraphQLError && error.extensions?.code) return error;
  // A watcher that went away while we were sending to it: a disconnect, not a fault of ours.
  const code = (original as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE' || code === 'ECONNRESET') log.debug('client disconnected', original);
  else log.error('internal error', error);
  return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** What responses advertise in `Keep-Alive: timeout=`: clients drop an idle connection a second before (undici, Node's agent). */
const ADVERTISED_KEEP_ALIVE_SECONDS = 5;
/** How long the server really keeps an idle connection open. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * A client reusing a pooled connection just as the server closes it for idleness
 * gets `read ECONNRESET` (seen on lease renewals under load: a busy client's idle
 * timers fire late, so its 4 s, the advertised 5 s minus undici's 1 s margin, could
 * pass the server's 5 s). Node's default advertises exactly the timeout it enforces;
 * here the server advertises 5 s but closes after 65 s, so a client that honours the
 * hint has always dropped the connection long before the server does (Node 24's
 * keepAliveTimeoutBuffer does the same). headersTimeout stays above keepAliveTimeout.
 */
function keepIdleConnectionsLongerThanAdvertised(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
