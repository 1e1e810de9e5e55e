// The node's service proxy: Services and EndpointSlices from shared informers, rules from
// `decide`, programmed into the userspace TCP proxy when this agent carries traffic (one
// process-runtime agent per host; TCP and UDP; SCTP is not proxied) or only counted and timed (simulated nodes).
import type { InformerFactory } from '@wheelhouse/controller-runtime';
import { Gauge, Histogram, type Registry } from 'prom-client';
import { decide } from './decide.js';
import type { ProxyRule, ProxyScope } from './rules.js';
import { TcpProxy } from './tcp-proxy.js';
import { UdpProxy } from './udp-proxy.js';

/** kube-proxy's default --sync-period. */
const RESYNC_MS = 30_000;

export interface ServiceProxyOptions extends ProxyScope {
  /** Listen and carry traffic; false: compute the rules only. */
  listen: boolean;
  registry: Registry;
  log(message: string, error?: unknown): void;
}

export class ServiceProxy {
  private readonly tcp: TcpProxy;
  private readonly udp: UdpProxy;
  private readonly duration: Histogram;
  private readonly programmed: Gauge;
  private rules: ProxyRule[] = [];
  private pending = false;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private resync?: NodeJS.Timeout;

  /** `factory`: the agent's shared informers (the Service informer also feeds pods' Service env). */
  constructor(
    private readonly factory: InformerFactory,
    private readonly o: ServiceProxyOptions,
  ) {
    this.tcp = new TcpProxy(o.log);
    this.udp = new UdpProxy(o.log);
    // kube-proxy's names, so dashboards built for it read these.
    this.duration = new Histogram({
      name: 'sync_proxy_rules_duration_seconds',
      help: 'How long one programming of the service proxy rules took',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      registers: [o.registry],
    });
    this.programmed = new Gauge({ name: 'sync_proxy_rules_programmed', help: 'Service proxy rules (ClusterIP:port and NodePort listeners) programmed', registers: [o.registry] });
    const onChange = { onAdd: () => this.schedule(), onUpdate: () => this.schedule(), onDelete: () => this.schedule() };
    this.factory.informerFor('Service').addEventHandler(onChange);
    this.factory.informerFor('EndpointSlice').addEventHandler(onChange);
  }

  /** Programs the rules once the (started) factory's informers have synced. */
  async start(signal?: AbortSignal): Promise<void> {
    await this.factory.waitForSync(signal);
    this.schedule();
    // As kube-proxy's --sync-period: a listener that could not bind is retried without waiting for a change.
    this.resync = setInterval(() => this.schedule(), RESYNC_MS);
    this.resync.unref();
    await this.settled();
  }

  /** Resolves once every change seen so far is programmed. */
  async settled(): Promise<void> {
    while (this.pending) await new Promise((r) => setImmediate(r));
    await this.running;
  }

  current(): ProxyRule[] {
    return this.rules;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.resync);
    await this.running.catch(() => undefined);
    await Promise.all([this.tcp.close(), this.udp.close()]);
  }

  /** Coalesces a burst of events into one sync after the one running. */
  private schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    this.running = this.running.then(() => new Promise((r) => setImmediate(r))).then(() => this.sync());
  }

  private async sync(): Promise<void> {
    this.pending = false;
    if (this.stopped) return;
    const end = this.duration.startTimer();
    try {
      this.rules = decide({ services: this.factory.informerFor('Service').list(), slices: this.factory.informerFor('EndpointSlice').list() }, this.o);
      if (this.o.listen) await Promise.all([this.tcp.apply(this.rules), this.udp.apply(this.rules)]);
      this.programmed.set(this.rules.length);
    } catch (error) {
      this.o.log('service proxy: sync', error);
    } finally {
      end();
    }
  }
}
