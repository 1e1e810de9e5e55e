import type { WheelhouseError } from './errors.js';

interface Entry {
  /** Connection epoch whose socket carries this subscription; undefined while waiting for one. */
  epoch: number | undefined;
  end(error: WheelhouseError): void;
}

interface SocketLike {
  readyState: number;
}

const OPEN = 1;

/**
 * Which subscriptions live on which socket.
 *
 * graphql-ws, after a reconnect, silently re-sends every subscription with its
 * original variables. For a watch that is wrong: it would replay from the first
 * resourceVersion, or, without one, skip whatever changed while the socket was
 * down. So a subscription whose socket closes is ended here with an error, and
 * its owner resubscribes knowing where it stopped.
 */
export class LiveSubscriptions {
  private readonly entries = new Set<Entry>();
  private epoch = 0;
  private socket: SocketLike | undefined;

  /** A subscription made now goes out on the open socket, if there is one; otherwise on the next. */
  add(end: (error: WheelhouseError) => void): Entry {
    const entry: Entry = { epoch: this.socket?.readyState === OPEN ? this.epoch : undefined, end };
    this.entries.add(entry);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  delete(entry: Entry): void {
    this.entries.delete(entry);
  }

  /**
   * A new socket is acknowledged. graphql-ws announces it before sending the
   * waiting subscriptions, so ending stale ones here stops their re-send.
   */
  connected(socket: SocketLike, staleError: () => WheelhouseError): void {
    this.socket = socket;
    this.epoch++;
    for (const entry of [...this.entries]) {
      if (entry.epoch === undefined) entry.epoch = this.epoch;
      else if (entry.epoch < this.epoch) this.end(entry, staleError());
    }
  }

  /** A socket closed: end what it carried. Close events of older sockets are ignored. */
  closed(socket: unknown, error: () => WheelhouseError): void {
    if (socket && this.socket && socket !== this.socket) return;
    this.socket = undefined;
    for (const entry of [...this.entries]) {
      if (entry.epoch !== undefined) this.end(entry, error());
    }
  }

  endAll(error: WheelhouseError): void {
    for (const entry of [...this.entries]) this.end(entry, error);
  }

  private end(entry: Entry, error: WheelhouseError): void {
    this.entries.delete(entry);
    entry.end(error);
  }
}
