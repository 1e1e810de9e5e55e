import { hasCode, type WheelhouseClient } from '@wheelhouse/client';
import { realClock, sleep, type Clock } from './clock.js';
import type { Lease } from './lease.js';
import { decideLease } from './lease-decision.js';
import { ApiLeaseStore, type LeaseStore } from './lease-store.js';

export interface LeaderElectionOptions {
  /** Lease namespace. Default `kube-system`. */
  namespace?: string;
  /** Lease name, e.g. `wheelhouse-controller-manager`. */
  name: string;
  /** Unique per process (e.g. hostname + random): two processes with one identity would both lead. */
  identity: string;
  /** How long a Lease stays valid after its last renewal. Default 15. */
  leaseDurationSeconds?: number;
  /** A leader that has not renewed for this long steps down; must be below the lease duration. Default 10 000. */
  renewDeadlineMs?: number;
  /** Between attempts to acquire or renew. Default 2 000. */
  retryPeriodMs?: number;
  /** On graceful stop, clear holderIdentity so a successor takes over at once. Default true. */
  releaseOnStop?: boolean;
  clock?: Clock;
  /** Stands in for the API (tests); default: the Lease through `client`. */
  store?: LeaseStore;
  /**
   * Became leader. Stop all leader-only work when `signal` aborts; a returned
   * promise is awaited before the Lease is released or sought again, so no two
   * processes ever run that work at once.
   */
  onStartedLeading(signal: AbortSignal): void | Promise<void>;
  /** No longer leader (lost or stopped), after the onStartedLeading work finished. */
  onStoppedLeading?(): void;
  /** Someone (possibly this process) was seen holding the Lease. */
  onNewLeader?(identity: string): void;
  /** Failed Lease calls other than lost races; default console.warn. */
  onError?(error: unknown): void;
}

/** client-go's JitterFactor: acquire attempts are spread over [1, 2.2] × retryPeriod. */
const JITTER = 1.2;

/**
 * Leader election on a Lease object through the API (client-go leaderelection).
 * Candidates write the Lease with its resourceVersion as a precondition, so of
 * several racing writers exactly one wins and the rest get CONFLICT.
 */
export class LeaderElector {
  private readonly store: LeaseStore;
  private readonly clock: Clock;
  private readonly durationSeconds: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private readonly stopping = new AbortController();
  private release = true;
  private running: Promise<void> | undefined;
  /** The Lease as last read or written: its resourceVersion is the next write's precondition. */
  private observed: Lease | null = null;
  private observedHolder = '';
  private leading = false;

  constructor(
    client: WheelhouseClient | undefined,
    private readonly options: LeaderElectionOptions,
  ) {
    this.clock = options.clock ?? realClock;
    this.durationSeconds = options.leaseDurationSeconds ?? 15;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 2_000;
    if (!(this.durationSeconds * 1000 > this.renewDeadlineMs && this.renewDeadlineMs > this.retryPeriodMs && this.retryPeriodMs > 0)) {
      throw new RangeError('leader election needs leaseDuration > renewDeadline > retryPeriod > 0');
    }
    if (!options.store && !client) throw new TypeError('LeaderElector needs a client or a store');
    this.store = options.store ?? new ApiLeaseStore(client!, options.namespace ?? 'kube-system', options.name);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** The holder last seen in the Lease ('' when free or unknown). */
  get leader(): string {
    return this.observedHolder;
  }

  /** Starts campaigning; idempotent. */
  start(): void {
    this.running ??= this.run();
  }

  /**
   * Stops campaigning; a leader stops its work, waits for it, then (unless
   * `release: false`, which simulates a crash) releases the Lease.
   */
  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.release = (options.release ?? true) && (this.options.releaseOnStop ?? true);
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const stop = this.stopping.signal;
    while (!stop.aborted) {
      const attemptStart = this.clock.now();
      // A slow acquire is still safe: the renewTime it writes is no later than attemptStart.
      if (await this.tryAcquireOrRenew(this.renewDeadlineMs)) await this.lead(attemptStart);
      else await sleep(this.clock, this.retryPeriodMs * (1 + Math.random() * JITTER), stop);
    }
  }

  /** Leads until renewal fails past the deadline or stop() is called. */
  private async lead(acquiredAt: number): Promise<void> {
    const stop = this.stopping.signal;
    const leadership = new AbortController();
    this.leading = true;
    const work = Promise.resolve()
      .then(() => this.options.onStartedLeading(leadership.signal))
      .catch((error) => this.report(error));
    // Our renewTime was stamped before the write went out, so measuring from
    // the attempt's start keeps us inside what the other candidates believe.
    let lastRenew = acquiredAt;
    while (!stop.aborted) {
      await sleep(this.clock, this.retryPeriodMs, stop);
      if (stop.aborted) break;
      const attemptStart = this.clock.now();
      const left = lastRenew + this.renewDeadlineMs - attemptStart;
      const renewed = left > 0 && (await this.tryAcquireOrRenew(left, true));
      if (renewed) lastRenew = attemptStart;
      else if (this.observedHolder !== this.options.identity || this.clock.now() - lastRenew >= this.renewDeadlineMs) break;
    }
    this.leading = false;
    leadership.abort();
    await work;
    if (stop.aborted && this.release) await this.releaseLease();
    try {
      this.options.onStoppedLeading?.();
    } catch (error) {
      this.report(error);
    }
  }

  /**
   * One read-decide-write round, bounded by `timeoutMs`. True when we hold the
   * Lease afterwards. While leading only a renewal counts: a Lease that moved to
   * someone else means we lost it, whatever its state now.
   */
  private async tryAcquireOrRenew(timeoutMs: number, leading = false): Promise<boolean> {
    const attempt = new AbortController();
    const timer = this.clock.setTimeout(() => attempt.abort(), timeoutMs);
    const onStop = () => attempt.abort();
    this.stopping.signal.addEventListener('abort', onStop, { once: true });
    try {
      const lease = await this.store.get(attempt.signal);
      this.observe(lease);
      const now = this.clock.now();
      const decision = decideLease({ lease, now, identity: this.options.identity, leaseDurationSeconds: this.durationSeconds });
      if (decision.action === 'wait') return false;
      if (leading && decision.action !== 'renew') return false;
      const written =
        decision.action === 'create' ? await this.store.create(decision.spec, attempt.signal) : await this.store.update(decision.resourceVersion, decision.spec, attempt.signal);
      this.observe(written);
      return true;
    } catch (error) {
      // Losing a race is the normal way to not become leader; not worth a log line.
      if (!hasCode(error, 'CONFLICT') && !hasCode(error, 'ALREADY_EXISTS') && !attempt.signal.aborted) this.report(error);
      return false;
    } finally {
      this.clock.clearTimeout(timer);
      this.stopping.signal.removeEventListener('abort', onStop);
    }
  }

  /**
   * Clears holderIdentity if the Lease is still ours. A renewal cut short by
   * stop() may have landed without our seeing its resourceVersion, so on
   * CONFLICT re-read once: still our identity means that write, not a successor.
   */
  private async releaseLease(): Promise<void> {
    if (this.observedHolder !== this.options.identity) return;
    const attempt = new AbortController();
    const timer = this.clock.setTimeout(() => attempt.abort(), this.renewDeadlineMs);
    try {
      for (let round = 0; round < 2; round++) {
        const rv = this.observed?.metadata.resourceVersion;
        if (!rv || this.observedHolder !== this.options.identity) return;
        try {
          this.observe(await this.store.update(rv, { holderIdentity: null }, attempt.signal));
          return;
        } catch (error) {
          if (!hasCode(error, 'CONFLICT')) throw error;
          this.observe(await this.store.get(attempt.signal));
        }
      }
    } catch (error) {
      this.report(error);
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  private observe(lease: Lease | null): void {
    this.observed = lease;
    const holder = lease?.spec?.holderIdentity ?? '';
    if (holder === this.observedHolder) return;
    this.observedHolder = holder;
    if (holder) {
      try {
        this.options.onNewLeader?.(holder);
      } catch (error) {
        this.report(error);
      }
    }
  }

  private report(error: unknown): void {
    if (this.options.onError) this.options.onError(error);
    else console.warn(`leader election ${this.options.name} (${this.options.identity}):`, error);
  }
}
