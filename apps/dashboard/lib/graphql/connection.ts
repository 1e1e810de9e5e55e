// The subscription socket's state, for the "Reconnecting…" badge and for live lists
// to learn that a resumed watch is flowing again.
export type ConnectionStatus = 'idle' | 'connected' | 'reconnecting';

type Listener = () => void;

export class ConnectionStore {
  private status: ConnectionStatus = 'idle';
  private readonly listeners = new Set<Listener>();
  private readonly onConnect = new Set<Listener>();

  connected(): void {
    this.set('connected');
    for (const callback of [...this.onConnect]) callback();
  }

  /** A normal closure (1000) is graphql-ws closing an idle socket; anything else is trouble. */
  closed(code: number | undefined): void {
    this.set(code === 1000 ? 'idle' : 'reconnecting');
  }

  /** Calls back now if connected, and on every later connect, until the returned function is called. */
  whenConnected(callback: Listener): () => void {
    if (this.status === 'connected') queueMicrotask(callback);
    this.onConnect.add(callback);
    return () => this.onConnect.delete(callback);
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionStatus => this.status;

  private set(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
