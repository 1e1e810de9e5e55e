// The pod worker's serial sync: one pass at a time; a kick during a pass runs one more
// pass after it, so bursts of events (watch updates, exits, probe verdicts) coalesce.

export interface SyncLoopOptions {
  /** One pass. */
  sync(): Promise<void>;
  /** True once the worker is done: kicks are ignored, no further pass runs. */
  stopped(): boolean;
  /** A pass threw: nothing more runs until the next kick. */
  onError(error: unknown): void;
}

export class SyncLoop {
  private running = false;
  private dirty = false;

  constructor(private readonly o: SyncLoopOptions) {}

  kick(): void {
    if (this.o.stopped()) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    void this.loop();
  }

  /** Something the pass did needs another look right after it (a sandbox made, a start failed). */
  again(): void {
    this.dirty = true;
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      do {
        this.dirty = false;
        await this.o.sync();
      } while (this.dirty && !this.o.stopped());
    } catch (error) {
      this.o.onError(error);
    } finally {
      this.running = false;
    }
  }
}
