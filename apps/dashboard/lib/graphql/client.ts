import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import type { ApiProblem } from '../live/types.ts';
import { ConnectionStore } from './connection.ts';

/** The first GraphQL error's code and message, or the network failure. */
export function problemOf(error: CombinedError): ApiProblem {
  const first = error.graphQLErrors[0];
  if (first) return { code: first.extensions?.code as string | undefined, message: first.message };
  const network = error.networkError as (Error & { code?: number; reason?: string }) | undefined;
  return { message: network?.message || (network?.code ? `connection closed (${network.code})` : error.message) };
}

export interface DashboardClient {
  client: Client;
  connection: ConnectionStore;
}

/**
 * urql over the dashboard server's /api/graphql: queries and mutations as POSTs,
 * subscriptions over one graphql-ws socket. The server adds the bearer token to both.
 * The socket does not retry on its own: live lists resume their watches from the
 * latest resourceVersion instead of replaying from where they first started.
 */
export function createDashboardClient(): DashboardClient {
  const connection = new ConnectionStore();
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/graphql`,
    lazy: true,
    // Page changes drop one page's watches and open the next's; keep the socket meanwhile.
    lazyCloseTimeout: 10_000,
    retryAttempts: 0,
    keepAlive: 15_000,
    on: {
      connected: () => connection.connected(),
      closed: (event) => connection.closed((event as { code?: number } | undefined)?.code),
    },
  });
  const client = new Client({
    url: '/api/graphql',
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
            location.assign(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
          }
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, connection };
}
