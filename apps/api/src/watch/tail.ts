import pg from 'pg';
import { CHANGE_CHANNEL, currentRevision, readChanges, type Db } from '@wheelhouse/db';
import type { Broadcaster } from './broadcaster.js';

export interface TailOptions {
  databaseUrl: string;
  /** Poll even without notifications, in case one was missed (e.g. a LISTEN connection drop). */
  pollIntervalMs?: number;
  batchSize?: number;
  onBatch?: (changes: { revision: bigint; createdAt: Date }[]) => void;
  onError?: (error: unknown) => void;
}

/**
 * Follows the change log from the current revision on: woken by NOTIFY (sent in the
 * writing transaction, so it arrives after commit) with a poll fallback. One read loop
 * at a time; revisions are gap-free and commit-ordered, so `revision > last` misses nothing.
 */
export class ChangeTail {
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private dirty = false;
  private stopped = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly broadcaster: Broadcaster,
    private readonly options: TailOptions,
  ) {}

  async start(): Promise<void> {
    this.broadcaster.lastRevision = await currentRevision(this.db);
    await this.connectListener();
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.idle;
  }

  /** Reads everything committed so far (tests and shutdown use it). */
  async drain(): Promise<void> {
    this.wake();
    await this.idle;
  }

  /**
   * NOTIFY carries the newest committed revision, and notifications arrive in commit
   * order. With nobody watching, moving the cursor is enough: a new watcher replays
   * from the change log itself.
   */
  private notified(payload: string | undefined): void {
    if (this.broadcaster.subscriberCount === 0 && !this.running && payload && /^\d+$/.test(payload)) {
      const revision = BigInt(payload);
      if (revision > this.broadcaster.lastRevision) this.broadcaster.lastRevision = revision;
      return;
    }
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (!this.running) this.idle = this.loop();
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.dirty && !this.stopped) {
        this.dirty = false;
        for (;;) {
          const batch = await readChanges(this.db, { after: this.broadcaster.lastRevision, limit: this.options.batchSize ?? 1000 });
          if (batch.length === 0) break;
          this.options.onBatch?.(batch);
          this.broadcaster.publish(batch);
          if (batch.length < (this.options.batchSize ?? 1000)) break;
        }
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.running = false;
    }
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', (message) => this.notified(message.payload));
    client.on('error', (error) => {
      this.options.onError?.(error);
      // The poll keeps events flowing meanwhile; reconnect after a pause.
      if (!this.stopped) setTimeout(() => void this.connectListener().catch((e) => this.options.onError?.(e)), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.listener = client;
  }
}
