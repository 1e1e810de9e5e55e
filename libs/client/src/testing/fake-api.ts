import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql, GraphQLError, type GraphQLObjectType } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { Channel } from './channel.js';
import { FakeStore, type FakeEvent, type FakePod } from './fake-store.js';

/** The slice of the Wheelhouse API the client needs, as the public contract (API.md) shapes it. */
const SDL = /* GraphQL */ `
  type Query {
    pods(namespace: String, labelSelector: String, fieldSelector: String, limit: Int, continue: String): PodList!
    whoami: String
  }
  type Mutation {
    fail(code: String!, message: String!, field: String): Boolean
  }
  type Subscription {
    watchPods(namespace: String, labelSelector: String, fieldSelector: String, resourceVersion: String, allowWatchBookmarks: Boolean): PodWatchEvent!
  }
  type ListMeta { resourceVersion: String! continue: String }
  type PodList { metadata: ListMeta! items: [Pod!]! }
  type ObjectMeta { name: String namespace: String uid: String resourceVersion: String! }
  type PodSpec { nodeName: String }
  type Pod { metadata: ObjectMeta! spec: PodSpec }
  type PodWatchEvent { type: String! object: Pod! }
`;

export interface FakeApiOptions {
  /** When set, HTTP and WebSocket callers must present it. */
  token?: string;
  /** How EXPIRED reaches the client: thrown while subscribing (a result with errors) or from the stream (an error message). */
  expireMode?: 'subscribe' | 'stream';
  /** Replays this many extra events at or before the requested revision, as a sloppy server might. */
  replayOverlap?: number;
  /** Listen here (to simulate a restart on the same address); default: any free port. */
  port?: number;
}

interface WatchArgs {
  namespace?: string | null;
  resourceVersion?: string | null;
  allowWatchBookmarks?: boolean | null;
}

export interface FakeApi {
  url: string;
  store: FakeStore;
  /** Every HTTP POST: headers and the JSON body. */
  requests: { headers: IncomingHttpHeaders; body: { query: string; variables?: Record<string, unknown> } }[];
  /** connection_init payloads of WebSocket clients. */
  connectionParams: unknown[];
  /** Arguments of every watchPods subscription the server started. */
  watches: WatchArgs[];
  /** The next `times` POSTs answer `status` with a plain-text body; status 0: no answer at all. */
  failHttp(times: number, status: number): void;
  /** Called before each list page is served (to write between pages). */
  beforeListPage?: (page: number) => void;
  /** Kills every WebSocket connection without a close handshake, as a crashed proxy would. */
  dropSockets(): void;
  /** Ends every watch stream server-side, as an API replica shutting down might. */
  completeWatches(): void;
  /** Stops reading from every WebSocket: the connection stays up but nothing answers, not even pings. */
  freezeSockets(): void;
  close(): Promise<void>;
}

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const store = new FakeStore();
  const schema = buildSchema(SDL);
  let httpFailures: { times: number; status: number } = { times: 0, status: 0 };

  const api: FakeApi = {
    url: '',
    store,
    requests: [],
    connectionParams: [],
    watches: [],
    failHttp: (times, status) => {
      httpFailures = { times, status };
    },
    dropSockets: () => {
      for (const socket of wss.clients) socket.terminate();
    },
    completeWatches: () => {
      for (const stream of streams) void stream.return?.();
      streams.clear();
    },
    freezeSockets: () => {
      for (const socket of wss.clients) socket.pause();
    },
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      await wsServer.dispose();
      await new Promise((resolve) => wss.close(resolve));
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };

  const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
  fields('Query').pods!.resolve = (_root, args) => listPods(store, args, api);
  fields('Query').whoami!.resolve = (_root, _args, context: { authorization?: string }) => context.authorization ?? null;
  fields('Mutation').fail!.resolve = (_root, args: { code: string; message: string; field?: string }) => {
    throw new GraphQLError(args.message, { extensions: { code: args.code, ...(args.field ? { field: args.field } : {}) } });
  };
  const watchPods = fields('Subscription').watchPods!;
  const streams = new Set<AsyncIterableIterator<FakeEvent>>();
  watchPods.subscribe = (_root, args: WatchArgs) => {
    api.watches.push(args);
    const stream = watchStream(store, args, options);
    streams.add(stream);
    return stream;
  };
  watchPods.resolve = (event: FakeEvent) => event;

  const http = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const body = JSON.parse(raw || '{}');
      api.requests.push({ headers: req.headers, body });
      if (httpFailures.times > 0) {
        httpFailures.times--;
        if (httpFailures.status === 0) return; // never answer
        res.writeHead(httpFailures.status, { 'content-type': 'text/plain' }).end('upstream unavailable');
        return;
      }
      const authorization = req.headers.authorization;
      const result =
        options.token && authorization !== `Bearer ${options.token}`
          ? { errors: [new GraphQLError('missing or wrong token', { extensions: { code: 'UNAUTHENTICATED' } })] }
          : await graphql({ schema, source: body.query, variableValues: body.variables, contextValue: { authorization } });
      res.writeHead('data' in result ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const wsServer = useServer(
    {
      schema,
      onConnect: (ctx) => {
        api.connectionParams.push(ctx.connectionParams);
        // false closes the socket with 4403 Forbidden.
        return !options.token || ctx.connectionParams?.authorization === `Bearer ${options.token}`;
      },
    },
    wss,
  );

  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  return api;
}

function listPods(store: FakeStore, args: { namespace?: string | null; labelSelector?: string | null; limit?: number | null; continue?: string | null }, api: FakeApi) {
  // The continue token carries the first page's revision and the offset.
  const [snapshot, offset] = args.continue ? args.continue.split(':') : [String(store.revision), '0'];
  api.beforeListPage?.(Number(offset));
  const [labelKey, labelValue] = args.labelSelector ? args.labelSelector.split('=') : [];
  const all = [...store.pods.values()]
    .filter((p) => !args.namespace || p.metadata.namespace === args.namespace)
    .filter((p) => !labelKey || p.metadata.labels[labelKey] === labelValue)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const start = Number(offset);
  const end = args.limit ? start + args.limit : all.length;
  return {
    metadata: { resourceVersion: snapshot, continue: end < all.length ? `${snapshot}:${end}` : null },
    items: all.slice(start, end),
  };
}

function watchStream(store: FakeStore, args: WatchArgs, options: FakeApiOptions): AsyncIterableIterator<FakeEvent> {
  const from = args.resourceVersion ? BigInt(args.resourceVersion) : undefined;
  const expired = from !== undefined && from < store.compactedThrough;
  const expiredError = new GraphQLError(`resourceVersion ${args.resourceVersion} is too old`, {
    extensions: { code: 'EXPIRED' },
  });
  if (expired && options.expireMode !== 'stream') throw expiredError;

  const matches = (event: FakeEvent) =>
    event.type === 'BOOKMARK' ? args.allowWatchBookmarks === true : !args.namespace || (event.object as FakePod).metadata.namespace === args.namespace;
  const listener = (event: FakeEvent) => matches(event) && channel.push(event);
  const channel = new Channel<FakeEvent>(() => store.listeners.delete(listener));
  if (expired) {
    channel.fail(expiredError);
    return channel;
  }
  if (from !== undefined) {
    const history = store.log.filter((entry) => matches(entry.event));
    const firstNew = history.findIndex((entry) => entry.revision > from);
    const start = Math.max(0, (firstNew < 0 ? history.length : firstNew) - (options.replayOverlap ?? 0));
    for (const entry of history.slice(start)) channel.push(entry.event);
  }
  store.listeners.add(listener);
  return channel;
}
