import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { closeDb, createDb, keyringFromEnv, ServiceAllocator, Store, systemClock, useKeyring, type Db } from '@wheelhouse/db';
import { serviceRangesFromEnv, startServiceRepair } from './services/service-repair.js';
import { ApiError, setDefaultTolerationSeconds } from '@wheelhouse/resources';
import { buildApiSchema } from './schema.js';
import type { ApiConfig } from './config.js';
import type { ApiContext } from './context.js';
import { Authenticator } from './auth/authenticate.js';
import type { Principal } from './auth/tokens.js';
import { bootstrapAdminToken } from './auth/bootstrap-admin.js';
import { bootstrapNodeToken } from './auth/bootstrap-node.js';
import { loadTokenAuthFile } from './auth/token-auth-file.js';
import { startAuthorization } from './auth/setup.js';
import { formatError } from './errors/format-error.js';
import { createMetrics } from './metrics/metrics.js';
import { metricsPlugin } from './metrics/metrics.plugin.js';
import { Broadcaster } from './watch/broadcaster.js';
import { ChangeTail } from './watch/tail.js';
import { openWatch } from './watch/watch-stream.js';
import { subscribeShared } from './watch/shared-execution.js';
import { coalesceSends } from './watch/coalesce-sends.js';
import { payloadReplacer, serialiseOnce } from './watch/shared-payload.js';
import { startCompactor } from './watch/compactor.js';
import { InputChecker } from './modules/apply/input-checker.js';
import { ensureSystemNamespaces } from './ensure-namespaces.js';
import { ensureKubernetesService } from './bootstrap/kubernetes-service.js';
import { quotaAdmission } from './admission/quota-admission.js';
import { log } from './log.js';
import { route, type Routes } from './http/route.js';
import { DEFAULT_LIMITS } from './limits/limits.js';
import { limitRules, limitsFirstRule, parseOptions } from './limits/graphql-limits.js';
import { FlowControl } from './limits/flow-control.js';
import { Seats, TooManyRequests } from './limits/seats.js';
import { admissionPlugin, tooManyRequests } from './limits/admission.plugin.js';
import { AuditLog } from './audit/audit-log.js';
import { auditPlugin } from './audit/audit.plugin.js';
import { operationEvents, type RequestMeta } from './audit/audit-event.js';
import { execProxy } from './exec/exec-proxy.js';

export interface ApiServer {
  url: string;
  port: number;
  db: Db;
  store: Store;
  tail: ChangeTail;
  adminTokenFile?: string;
  /** Where a generated node agent token was written, if one was. */
  nodeTokenFile?: string;
  /** Where a generated encryption key (Secrets at rest) was written, if one was. */
  encryptionKeyFile?: string;
  close(): Promise<void>;
}

let schemaOnce: Promise<GraphQLSchema> | undefined;

/** The API process: GraphQL over HTTP and WebSocket on one port, /healthz and /metrics. */
export async function startApiServer(config: ApiConfig): Promise<ApiServer> {
  schemaOnce ??= buildApiSchema();
  const schema = await schemaOnce;
  if (config.defaultTolerationSeconds !== undefined) setDefaultTolerationSeconds(config.defaultTolerationSeconds);
  const encryption = config.keyring ? { keyring: config.keyring, createdFile: undefined } : keyringFromEnv(process.env, config.dataDir);
  const db = createDb(config.databaseUrl, config.dbPoolSize);
  useKeyring(db, encryption.keyring);
  const serviceRanges = config.serviceRanges ?? serviceRangesFromEnv({});
  const store = new Store(db, systemClock, { Service: new ServiceAllocator(serviceRanges) }, quotaAdmission);
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
  if (config.tokenAuthFile) await loadTokenAuthFile(db, config.tokenAuthFile);
  await ensureSystemNamespaces(store);
  await tail.start();
  const stopCompactor = startCompactor(db, { retentionSeconds: config.watchRetentionSeconds, minRevisions: config.watchMinRevisions }, config.compactionIntervalMs, (error) =>
    log.warn('compaction', error),
  );

  const stopServiceRepair = startServiceRepair(
    store,
    serviceRanges,
    config.serviceRepairIntervalMs ?? 180_000,
    (error) => log.warn('service allocation repair', error),
    (summary) => log.warn(`service allocation repair: ${summary}`),
  );
  const limits = config.limits ?? DEFAULT_LIMITS;
  // Separate pools: lease renewals (leader election, node heartbeats), authentication and
  // health checks never wait for a connection behind user queries, nor behind watches starting.
  const systemDb = createDb(config.databaseUrl, SYSTEM_POOL_SIZE);
  const watchDb = createDb(config.databaseUrl, WATCH_POOL_SIZE);
  useKeyring(systemDb, encryption.keyring);
  useKeyring(watchDb, encryption.keyring);
  const leaseStore = new Store(systemDb);
  const watchStore = new Store(watchDb);
  const watchStarts = new Seats({ concurrency: WATCH_POOL_SIZE, queue: 100_000, queueWaitMs: 60_000 });
  const flows = new FlowControl(limits);
  const authenticator = new Authenticator(systemDb);
  const authz = await startAuthorization(store, broadcaster, { authenticator, dataDir: config.dataDir, systemStore: leaseStore, admission: quotaAdmission });
  const inputs = new InputChecker(schema);
  const audit = config.audit ? new AuditLog(config.audit) : undefined;
  const contextFor = (principal: Principal | null, _callerCredential?: string, request?: RequestMeta): ApiContext => ({
    store: authz.storeFor(principal),
    principal,
    // Node agents are called with the API's own credential, never the caller's.
    authorization: authz.kubeletAuthorization(),
    request,
    actor: principal?.name ?? null,
    inputs,
    maxListLimit: limits.maxListLimit,
    identity: authz,
    watch: (kind, filter, request) =>
      openWatch(kind, filter, request, {
        store: watchStore,
        broadcaster,
        bookmarkIntervalMs: config.bookmarkIntervalMs,
        maxQueuedChanges: 50_000,
        startSeats: watchStarts,
        onOpen: () => metrics.watchers.inc(),
        onClose: () => metrics.watchers.dec(),
        onError: (error) => log.warn('watch', error),
      }),
  });

  const httpServer = config.tls
    ? createHttpsServer({ requestTimeout: REQUEST_TIMEOUT_MS, cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) })
    : createServer({ requestTimeout: REQUEST_TIMEOUT_MS });
  keepIdleConnectionsLongerThanAdvertised(httpServer);
  const limitsFirst = limitsFirstRule(limitRules(limits), () => metrics.rejected.inc({ reason: 'query-limit' }));
  // One upgrade router: ws would refuse every path but its own if it listened on the server.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });
  const exec = execProxy({
    store,
    authenticator,
    authorizer: authz.authorizer,
    kubeletAuthorization: authz.kubeletAuthorization,
    log: (message, error) => log.warn(message, error),
  });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://api').pathname === '/graphql')
      wsServer.handleUpgrade(req, socket, head, (ws) => {
        coalesceSends(ws);
        wsServer.emit('connection', ws, req);
      });
    else if (!exec(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
  });
  const watchCounts = new Map<string, number>();
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema,
      subscribe: subscribeShared,
      // A socket that does not send an authenticated connection_init in time is closed (4408).
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      context: (ctx) => contextFor(ctx.extra.principal ?? null, stringOrUndefined(ctx.connectionParams?.authorization), requestMeta(ctx.extra.request)),
      // Authenticate at connection_init: a socket with a bad token is closed (4403) before it may subscribe.
      onConnect: async (ctx) => {
        try {
          ctx.extra.principal = await authenticator.authenticate(ctx.connectionParams?.authorization);
          return true;
        } catch (error) {
          if (!(error instanceof ApiError)) log.warn('websocket authentication', error);
          metrics.rejected.inc({ reason: 'unauthenticated' });
          // graphql-ws's refusal code (4403); the reason names the API's error code.
          const message = error instanceof ApiError ? error.message : 'authentication failed';
          ctx.extra.socket.close(4403, `UNAUTHENTICATED: ${message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        try {
          const principal = ctx.extra.principal!;
          const document = parse(payload.query, parseOptions(limits));
          const errors = validate(schema, document, [...specifiedRules, limitsFirst]);
          if (errors.length > 0) return errors.map((e) => requestError(e, 'GRAPHQL_VALIDATION_FAILED'));
          const operation = getOperationAST(document, payload.operationName);
          if (operation) await authz.authorizer.authorizeOperation(principal, document, operation, payload.variables ?? undefined);
          const open = watchCounts.get(principal.name) ?? 0;
          if (open >= limits.maxWatchesPerToken) {
            metrics.rejected.inc({ reason: 'too-many-watches' });
            return [tooManyRequests(new TooManyRequests(`${principal.name} already holds ${open} watches`))];
          }
          return { schema, document, operationName: payload.operationName, variableValues: payload.variables ?? undefined };
        } catch (error) {
          // parse() throws a GraphQLError of the document itself: the client's mistake, as over HTTP.
          if (error instanceof GraphQLError && !error.originalError && !error.extensions?.code) return [requestError(error, 'GRAPHQL_PARSE_FAILED')];
          return [toGraphQLError(error)];
        }
      },
      onOperation: (ctx, _id, payload, args, result) => {
        if (audit) auditSocketOperation(audit, args, payload.variables ?? undefined, ctx.extra.principal ?? null, requestMeta(ctx.extra.request), result);
        const name = ctx.extra.principal!.name;
        watchCounts.set(name, (watchCounts.get(name) ?? 0) + 1);
        if (isAsyncIterable(result)) return countedUntilDone(result, () => release(name));
        release(name);
        return undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e)),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((e) => toGraphQLError(e)) } : serialiseOnce(result)),
      jsonMessageReplacer: payloadReplacer,
    },
    wsServer,
  );
  const release = (name: string) => {
    const left = (watchCounts.get(name) ?? 1) - 1;
    if (left > 0) watchCounts.set(name, left);
    else watchCounts.delete(name);
  };

  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, (e) => log.error('request failed', e)),
    includeStacktraceInErrorResponses: false,
    // The schema is the cluster's API document (kubectl's OpenAPI): wh explain and tools read it, whatever NODE_ENV says.
    introspection: true,
    parseOptions: parseOptions(limits),
    validationRules: [limitsFirst],
    // main.ts owns shutdown; Apollo's own signal handler would stop the server under us.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads Apollo Sandbox from a CDN; the API serves no HTML.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; Apollo's default cache-control plugin hooks every resolved field (~7 % of a large list's CPU).
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(metrics),
      admissionPlugin({ flows, authorizer: authz.authorizer, leaseStore, onRejected: () => metrics.rejected.inc({ reason: 'too-many-requests' }) }),
      ...(audit ? [auditPlugin(audit)] : []),
    ],
  });
  await apollo.start();

  const routes: Routes = { apollo, db: systemDb, metrics, authenticator, maxBodyBytes: limits.maxBodyBytes, contextFor, audit };
  httpServer.on('request', (req, res) => {
    res.setHeader('Keep-Alive', `timeout=${ADVERTISED_KEEP_ALIVE_SECONDS}`);
    route(req, res, routes).catch((error) => {
      log.error('http', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as { port: number }).port;
  await ensureKubernetesService(store, serviceRanges.ips, { host: config.host, port, tls: Boolean(config.tls) });

  return {
    url: `${config.tls ? 'https' : 'http'}://${urlHost(config.host)}:${port}/graphql`,
    port,
    db,
    store,
    tail,
    adminTokenFile,
    nodeTokenFile,
    encryptionKeyFile: encryption.createdFile,
    async close() {
      stopCompactor();
      stopServiceRepair();
      authz.stop();
      await wsCleanup.dispose();
      await apollo.stop();
      await tail.stop();
      await Promise.all([closeDb(db), closeDb(systemDb), closeDb(watchDb), audit?.close()]);
    },
  };
}

/** Who sent a request, for the audit log. */
function requestMeta(req: IncomingMessage): RequestMeta {
  return { sourceIPs: [req.socket.remoteAddress ?? ''], userAgent: req.headers['user-agent'], requestURI: req.url ?? '/', receivedAt: new Date() };
}

/** An operation over the WebSocket: writes always, subscriptions (watch) and reads when the log wants everything. */
function auditSocketOperation(
  audit: AuditLog,
  args: ExecutionArgs,
  variables: Record<string, unknown> | undefined,
  principal: Principal | null,
  request: RequestMeta,
  result: unknown,
): void {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation || (operation.operation !== 'mutation' && !audit.options.everything)) return;
  const errors = isAsyncIterable(result) ? [] : ((result as ExecutionResult).errors ?? []);
  const outcomeOf = (key: string) => {
    const error = errors.find((e) => e.path?.[0] === key) ?? errors.find((e) => !e.path);
    return error ? { code: error.extensions?.code as string | undefined, message: error.message } : undefined;
  };
  audit.write(operationEvents(operation, variables, principal, request, outcomeOf, new Date()));
}

/** A host as it goes in a URL: IPv6 in brackets. */
const urlHost = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A mistake in the request document (syntax, validation), with the code Apollo gives it over HTTP. */
function requestError(error: GraphQLError, code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
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

/** Connections of the leader-election / authentication / health pool, and of the watch-start pool. */
const SYSTEM_POOL_SIZE = 4;
const WATCH_POOL_SIZE = 4;
/** A request (headers and body) must arrive within this; slow senders do not hold sockets forever. */
const REQUEST_TIMEOUT_MS = 60_000;

/** graphql-ws's onOperation: a stream that calls `done` once when it ends, however it ends. */
function countedUntilDone<T>(source: AsyncIterable<T> & Partial<AsyncIterator<T>>, done: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  const wrapped: AsyncIterableIterator<T> = {
    async next() {
      try {
        const item = await iterator.next();
        if (item.done) finish();
        return item;
      } catch (error) {
        finish();
        throw error;
      }
    },
    async return(value?: unknown) {
      finish();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      finish();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return wrapped;
    },
  };
  return wrapped;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

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
