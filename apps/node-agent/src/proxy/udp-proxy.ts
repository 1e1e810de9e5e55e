// The userspace proxy's UDP half: one socket per UDP rule; each client (address:port)
// gets a session, a socket connected to the backend the balancer picked, whose replies
// go back to the client from the Service's address. Sessions end after an idle time,
// as the userspace kube-proxy's (--udp-timeout) do.
import { createSocket, type Socket } from 'node:dgram';
import { Balancer } from './balancer.js';
import type { ProxyRule } from './rules.js';

/** Longer than kube-proxy's 250 ms default: a slow DNS or RPC answer still finds its way back. */
export const UDP_IDLE_TIMEOUT_MS = 30_000;

interface Session {
  upstream: Socket;
  connected: boolean;
  timer: NodeJS.Timeout;
}

interface Listener {
  socket: Socket;
  rule: ProxyRule;
  sessions: Map<string, Session>;
}

export class UdpProxy {
  private readonly listeners = new Map<string, Listener>();
  private readonly balancer = new Balancer();
  /** Rules whose address could not be bound, told once until they bind (retried every sync). */
  private readonly failing = new Set<string>();

  constructor(
    private readonly log: (message: string, error?: unknown) => void,
    private readonly idleMs = UDP_IDLE_TIMEOUT_MS,
  ) {}

  async apply(rules: ProxyRule[]): Promise<void> {
    const udp = rules.filter((r) => r.protocol === 'UDP');
    const wanted = new Set(udp.map((r) => r.key));
    for (const [key, listener] of this.listeners) if (!wanted.has(key)) this.closeListener(key, listener);
    const opening: Promise<void>[] = [];
    for (const rule of udp) {
      const listener = this.listeners.get(rule.key);
      if (listener) listener.rule = rule;
      else opening.push(this.listen(rule));
    }
    await Promise.all(opening);
    this.balancer.prune(wanted);
    for (const key of this.failing) if (!wanted.has(key)) this.failing.delete(key);
  }

  listening(): string[] {
    return [...this.listeners.keys()];
  }

  async close(): Promise<void> {
    for (const [key, listener] of this.listeners) this.closeListener(key, listener);
  }

  private closeListener(key: string, listener: Listener): void {
    this.listeners.delete(key);
    for (const session of listener.sessions.values()) this.endSession(session);
    listener.sessions.clear();
    listener.socket.close();
  }

  private endSession(session: Session): void {
    clearTimeout(session.timer);
    session.upstream.close();
  }

  private listen(rule: ProxyRule): Promise<void> {
    const listener: Listener = { socket: createSocket('udp4'), rule, sessions: new Map() };
    this.listeners.set(rule.key, listener);
    listener.socket.on('message', (message, from) => this.forward(listener, message, from.address, from.port));
    return new Promise((resolve) => {
      listener.socket.once('error', (error) => {
        if (!this.failing.has(rule.key)) this.log(`service proxy: cannot listen on ${rule.key} for ${rule.servicePort} (retrying)`, error);
        this.failing.add(rule.key);
        if (this.listeners.get(rule.key) === listener) this.listeners.delete(rule.key);
        listener.socket.close();
        resolve();
      });
      listener.socket.bind(rule.port, rule.address, () => {
        this.failing.delete(rule.key);
        resolve();
      });
    });
  }

  private forward(listener: Listener, message: Buffer, address: string, port: number): void {
    const client = `${address}:${port}`;
    let session = listener.sessions.get(client);
    if (!session) {
      const backend = this.balancer.pick(listener.rule, address);
      if (!backend) return; // no endpoint: dropped (kube-proxy rejects with ICMP, which userspace cannot send)
      const upstream = createSocket('udp4');
      const created: Session = { upstream, connected: false, timer: setTimeout(() => undefined, 0) };
      upstream.on('message', (reply) => {
        this.touch(listener, client, created);
        listener.socket.send(reply, port, address);
      });
      upstream.on('error', () => {
        listener.sessions.delete(client);
        this.endSession(created);
      });
      upstream.connect(backend.port, backend.ip, () => {
        created.connected = true;
      });
      listener.sessions.set(client, created);
      session = created;
    }
    this.touch(listener, client, session);
    const s = session;
    const send = () => s.upstream.send(message, (error) => error && this.log(`service proxy: UDP to backend of ${listener.rule.servicePort}`, error));
    // A fresh socket connects asynchronously; datagrams wait for it.
    if (!s.connected) s.upstream.once('connect', send);
    else send();
  }

  private touch(listener: Listener, client: string, session: Session): void {
    clearTimeout(session.timer);
    session.timer = setTimeout(() => {
      if (listener.sessions.get(client) === session) listener.sessions.delete(client);
      this.endSession(session);
    }, this.idleMs);
    session.timer.unref();
  }
}
