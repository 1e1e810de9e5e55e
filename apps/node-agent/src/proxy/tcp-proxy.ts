// The userspace proxy's TCP half: one listener per TCP rule, each accepted connection
// piped to a backend the balancer picks (the next one when a backend refuses).
// Reprogramming swaps rules under the listeners: established connections are untouched,
// a removed rule's listener stops accepting while its connections run to their end.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Balancer, backendId } from './balancer.js';
import type { ProxyRule } from './rules.js';

interface Listener {
  server: Server;
  rule: ProxyRule;
}

export class TcpProxy {
  private readonly listeners = new Map<string, Listener>();
  private readonly sockets = new Set<Socket>();
  private readonly balancer = new Balancer();
  /** Rules whose address could not be bound, told once until they bind (retried every sync). */
  private readonly failing = new Set<string>();

  constructor(private readonly log: (message: string, error?: unknown) => void) {}

  /** Listens for every TCP rule not yet listened on, updates the others, closes the rest. */
  async apply(rules: ProxyRule[]): Promise<void> {
    const tcp = rules.filter((r) => r.protocol === 'TCP');
    const wanted = new Set(tcp.map((r) => r.key));
    for (const [key, listener] of this.listeners) {
      if (wanted.has(key)) continue;
      this.listeners.delete(key);
      listener.server.close();
    }
    const opening: Promise<void>[] = [];
    for (const rule of tcp) {
      const listener = this.listeners.get(rule.key);
      if (listener) listener.rule = rule;
      else opening.push(this.listen(rule));
    }
    await Promise.all(opening);
    this.balancer.prune(wanted);
    for (const key of this.failing) if (!wanted.has(key)) this.failing.delete(key);
  }

  /** The keys listened on now. */
  listening(): string[] {
    return [...this.listeners.keys()];
  }

  async close(): Promise<void> {
    const servers = [...this.listeners.values()].map((l) => l.server);
    this.listeners.clear();
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  private listen(rule: ProxyRule): Promise<void> {
    const listener: Listener = { server: createServer({ allowHalfOpen: true, pauseOnConnect: true }), rule };
    listener.server.on('connection', (client) => this.accept(listener, client));
    this.listeners.set(rule.key, listener);
    return new Promise((resolve) => {
      listener.server.once('error', (error) => {
        // Not fatal: the rule is retried on the next sync (e.g. the address was still in use).
        if (!this.failing.has(rule.key)) this.log(`service proxy: cannot listen on ${rule.key} for ${rule.servicePort} (retrying)`, error);
        this.failing.add(rule.key);
        if (this.listeners.get(rule.key) === listener) this.listeners.delete(rule.key);
        resolve();
      });
      listener.server.listen(rule.port, rule.address, () => {
        this.failing.delete(rule.key);
        resolve();
      });
    });
  }

  private accept(listener: Listener, client: Socket): void {
    this.track(client);
    const failed = new Set<string>();
    client.on('error', () => client.destroy());
    const attempt = () => {
      // The rule now, not the one the listener opened with: endpoints change under it.
      const backend = this.balancer.pick(listener.rule, client.remoteAddress ?? '', failed);
      // No endpoint: reset the connection, as kube-proxy rejects a Service without endpoints.
      if (!backend) return void client.resetAndDestroy();
      const upstream = connect({ host: backend.ip, port: backend.port, allowHalfOpen: true });
      const refused = () => {
        failed.add(backendId(backend));
        upstream.destroy();
        if (!client.destroyed) attempt();
      };
      upstream.once('error', refused);
      upstream.once('connect', () => {
        upstream.off('error', refused);
        // The client gave up while the backend was being dialled.
        if (client.destroyed) return void upstream.destroy();
        this.track(upstream);
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.end());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
