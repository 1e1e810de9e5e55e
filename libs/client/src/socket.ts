import { createClient, type Client } from 'graphql-ws';
import { backoffDelay, sleep } from './backoff.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface SocketOptions {
  url: string;
  token?: string;
  webSocketImpl: unknown;
  /** Ping interval; a ping without a pong within the same time drops the socket. 0 turns it off. */
  keepAliveMs: number;
  /** Aborted when the client closes: cuts short the wait before a reconnect. */
  signal: AbortSignal;
  onState(state: ConnectionState): void;
  onConnected(socket: { readyState: number }): void;
  /** Also called when a connection attempt fails; the client decides what state that means. */
  onClosed(socket: unknown): void;
}

/** graphql-ws close code for a connection_init the server refused (bad or missing token). */
export const FORBIDDEN_CLOSE_CODE = 4403;

/** The one shared, lazy graphql-ws client: connects on the first subscription, closes after the last. */
export function createSocket(options: SocketOptions): Client {
  let current: { terminate?: () => void } | undefined;
  let pongTimer: NodeJS.Timeout | undefined;
  const clearPongTimer = () => {
    clearTimeout(pongTimer);
    pongTimer = undefined;
  };

  const client: Client = createClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    keepAlive: options.keepAliveMs,
    // Controllers must outlive an API restart, so never give up reconnecting.
    retryAttempts: Infinity,
    retryWait: (retries) => sleep(backoffDelay(retries), options.signal),
    // graphql-ws retries only close events by default; ECONNREFUSED (API not up yet)
    // arrives as an error event and must be retried too. A refused token is final.
    shouldRetry: (e) => (e as { code?: unknown } | null)?.code !== FORBIDDEN_CLOSE_CODE,
    on: {
      connecting: (isRetry) => options.onState(isRetry ? 'reconnecting' : 'connecting'),
      connected: (socket) => {
        current = socket as typeof current;
        options.onConnected(socket as { readyState: number });
        options.onState('connected');
      },
      closed: (event) => {
        clearPongTimer();
        current = undefined;
        options.onClosed((event as { target?: unknown } | null)?.target);
      },
      // graphql-ws sends pings but does nothing when pongs stop coming: a half-open
      // TCP connection would look alive forever. Kill it so watches resume. ws's own
      // terminate() destroys the TCP socket; graphql-ws's would start a polite close
      // that waits 30 s for a peer that is gone.
      ping: (received) => {
        if (received || options.keepAliveMs <= 0) return;
        clearPongTimer();
        pongTimer = setTimeout(() => (current?.terminate ? current.terminate() : client.terminate()), options.keepAliveMs);
        pongTimer.unref();
      },
      pong: (received) => {
        if (received) clearPongTimer();
      },
    },
  });
  return client;
}
