import { setMaxListeners } from 'node:events';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { linkSignals } from './abort.js';
import { Backoff, sleep } from './backoff.js';
import { fromGraphQLErrors, WheelhouseError } from './errors.js';
import { isResetBeforeResponse, postGraphQL, throttledFor } from './http.js';
import { LiveSubscriptions } from './live-subscriptions.js';
import { createSocket, type ConnectionState } from './socket.js';
import { subscriptionError } from './to-error.js';
import { caFromEnvironment, dispatcherTrusting, webSocketTrusting } from './tls.js';
import type { Dispatcher } from 'undici';

export interface WheelhouseClientOptions {
  /** The API's GraphQL URL, e.g. `http://127.0.0.1:4000/graphql`; subscriptions use the same URL over ws(s). */
  server: string;
  token?: string;
  /** A WebSocket constructor; defaults to the `ws` package (Node 20 has no global WebSocket). */
  webSocketImpl?: unknown;
  /** Per-attempt HTTP timeout. Default 30 s. */
  requestTimeoutMs?: number;
  /** WebSocket ping interval, and how long to wait for the pong. Default 10 s; 0 turns pings off. */
  keepAliveMs?: number;
  /** PEM of the CA that signed an https API's certificate; default: the file WHEELHOUSE_CA_FILE names. */
  ca?: string;
}

export interface RequestOptions {
  /**
   * Extra attempts after an UNAVAILABLE failure (network, HTTP 5xx, timeout).
   * Only for idempotent operations: a lost response to a mutation may hide a success.
   */
  retries?: number;
  /**
   * The mutation may safely be sent twice: it carries a resourceVersion
   * precondition (a repeat after a lost success fails with CONFLICT rather than
   * applying twice) or is idempotent by nature. Lets the client resend it once when
   * its connection was reset before any response, as it always does for queries.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface SubscriptionSink<T> {
  next(data: T): void;
  /** Ends the subscription: a GraphQL error, or UNAVAILABLE when the socket dropped, or CLOSED. */
  error(error: WheelhouseError): void;
  /** The server ended the subscription. */
  complete(): void;
}

export class WheelhouseClient {
  private readonly url: string;
  private readonly token: string | undefined;
  private readonly requestTimeoutMs: number;
  /** Aborted by close(): cancels requests in flight and waits between retries. */
  private readonly lifetime = withUnlimitedListeners(new AbortController());
  private readonly live = new LiveSubscriptions();
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly socket: Client;
  private state: ConnectionState = 'closed';
  /** Set by drain(): new requests and subscriptions fail with CLOSED. */
  private draining = false;
  /** Trusts the cluster CA, when one is given. */
  private readonly dispatcher: Dispatcher | undefined;
  /** Attempts on the wire, for drain(). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(options: WheelhouseClientOptions) {
    this.url = options.server;
    this.token = options.token;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    const ca = caFromEnvironment(options.ca);
    this.dispatcher = ca ? dispatcherTrusting(ca) : undefined;
    this.socket = createSocket({
      url: toWebSocketUrl(options.server),
      token: options.token,
      webSocketImpl: options.webSocketImpl ?? (ca ? webSocketTrusting(ca) : WebSocket),
      keepAliveMs: options.keepAliveMs ?? 10_000,
      signal: this.lifetime.signal,
      onState: (state) => this.setState(state),
      onConnected: (socket) => this.live.connected(socket, () => dropped('the socket was replaced')),
      onClosed: (socket) => {
        this.live.closed(socket, () => dropped('the socket closed'));
        // Subscriptions still waiting for a socket mean graphql-ws keeps trying.
        this.setState(this.live.size > 0 ? 'reconnecting' : 'closed');
      },
    });
  }

  /** True once close() or drain() was called: no new request or subscription is accepted. */
  get closed(): boolean {
    return this.draining || this.lifetime.signal.aborted;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** Values always travel in `variables`: the server caches parsed documents by their text. */
  async request<T>(document: string, variables?: Record<string, unknown>, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const backoff = new Backoff();
    const resendable = options.idempotent === true || !isMutation(document);
    let resent = false;
    let throttled = 0;
    for (let attempt = 0; ; attempt++) {
      let pauseMs: number | undefined;
      // Checked before every attempt: a drained client sends nothing more, retries included.
      if (this.draining) throw closedError();
      const link = linkSignals([this.lifetime.signal, options.signal], this.requestTimeoutMs);
      const call = postGraphQL<T>(this.url, headers, { query: document, variables }, link.signal, this.dispatcher);
      this.inFlight.add(call);
      try {
        return await call;
      } catch (e) {
        // A pooled keep-alive connection the server closed as we reused it: resend
        // once at once, without spending a retry, when sending twice is harmless.
        if (resendable && !resent && isResetBeforeResponse(e) && !this.closed) {
          resent = true;
          attempt--;
          continue;
        }
        // 429 (API Priority and Fairness): the request never ran; wait as told and resend, mutations too.
        const retryAfterMs = throttledFor(e);
        if (retryAfterMs !== undefined && throttled < MAX_THROTTLED_RESENDS && !this.closed) {
          throttled++;
          attempt--;
          pauseMs = retryAfterMs;
        } else {
          const retryable = e instanceof WheelhouseError && e.code === 'UNAVAILABLE';
          if (!retryable || attempt >= (options.retries ?? 0)) throw e;
        }
      } finally {
        this.inFlight.delete(call);
        link.dispose();
      }
      // An abort cuts the pause short; the next attempt then fails at once with its reason.
      const pause = linkSignals([this.lifetime.signal, options.signal]);
      await sleep(pauseMs ?? backoff.next(), pause.signal);
      pause.dispose();
    }
  }

  /**
   * Runs a subscription over the shared socket. Unlike raw graphql-ws it does not
   * silently re-send after a reconnect (the variables, e.g. a resourceVersion, would
   * be stale): a dropped socket ends it with UNAVAILABLE and the caller resubscribes.
   * A result carrying `errors` ends it too. After the returned function is called
   * the sink hears nothing more.
   */
  subscribe<T>(document: string, variables: Record<string, unknown> | undefined, sink: SubscriptionSink<T>): () => void {
    if (this.closed) {
      queueMicrotask(() => sink.error(closedError()));
      return () => {};
    }
    let finished = false;
    let dispose: (() => void) | undefined;
    const finish = (deliver?: () => void) => {
      if (finished) return;
      finished = true;
      this.live.delete(entry);
      dispose?.();
      if (deliver) guarded(deliver);
    };
    const entry = this.live.add((error) => finish(() => sink.error(error)));
    dispose = this.socket.subscribe<T>(
      { query: document, variables },
      {
        next: (result) => {
          if (finished) return;
          if (result.errors?.length) {
            const error = fromGraphQLErrors(result.errors);
            return finish(() => sink.error(error));
          }
          guarded(() => sink.next(result.data as T));
        },
        error: (e) => finish(() => sink.error(subscriptionError(e))),
        complete: () => finish(() => sink.complete()),
      },
    );
    return () => finish();
  }

  /** Calls `listener` on every change of the WebSocket's state; returns the unsubscribe function. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Fences the client: from now on every request (retries included) and every new
   * subscription fails with CLOSED, at once and without reaching the server; resolves
   * once the requests already sent have settled (each within its timeout). Running
   * subscriptions go on until close(). A leader whose term ended drains its client so
   * that nothing it sent lands after the next term has listed the cluster.
   */
  async drain(): Promise<void> {
    this.draining = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Ends every subscription with CLOSED, cancels requests in flight and closes the socket. */
  close(): void {
    if (this.lifetime.signal.aborted) return;
    this.lifetime.abort(closedError());
    this.live.endAll(closedError());
    Promise.resolve(this.socket.dispose()).catch(() => {});
    this.setState('closed');
    this.listeners.clear();
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}

function toWebSocketUrl(server: string): string {
  const url = new URL(server);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.toString();
}

/**
 * Runs a sink callback so that its exception surfaces as an uncaught exception,
 * like an EventEmitter listener's, instead of inside graphql-ws, which would close
 * the shared socket as a bad response and fail every other subscription with it.
 */
function guarded(callback: () => void): void {
  try {
    callback();
  } catch (e) {
    queueMicrotask(() => {
      throw e;
    });
  }
}

/** How often one request is resent after 429 before the error reaches the caller. */
const MAX_THROTTLED_RESENDS = 5;

/** A mutation (conservatively: any document with the keyword outside comments) is not resent unless marked idempotent. */
function isMutation(document: string): boolean {
  return /\bmutation\b/.test(document.replace(/#[^\n\r]*/g, ''));
}

const closedError = () => new WheelhouseError('CLOSED', 'the Wheelhouse client was closed');
const dropped = (why: string) => new WheelhouseError('UNAVAILABLE', `subscription interrupted: ${why}`);

/** Every request in flight listens to the client's lifetime signal; dozens at once are normal, not a leak. */
function withUnlimitedListeners(controller: AbortController): AbortController {
  setMaxListeners(0, controller.signal);
  return controller;
}
