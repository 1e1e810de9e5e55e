// One place that decides why and with which exit code the launcher stops. The first
// reason wins: a signal, a component that died, or PostgreSQL going away.

export interface StopReason {
  message: string;
  exitCode: number;
}

export class StopSignal {
  private readonly controller = new AbortController();
  private readonly forceController = new AbortController();
  private resolveDone!: (reason: StopReason) => void;
  private readonly done = new Promise<StopReason>((resolve) => (this.resolveDone = resolve));
  private current: StopReason | undefined;

  /** Aborted when a stop is requested; long waits (health checks) listen to it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Aborted on a second signal: stop waiting for components and kill them. */
  get forced(): AbortSignal {
    return this.forceController.signal;
  }

  get requested(): boolean {
    return this.current !== undefined;
  }

  get reason(): StopReason | undefined {
    return this.current;
  }

  /** Returns false when a stop was already under way (the first reason is kept). */
  trigger(reason: StopReason): boolean {
    if (this.current) return false;
    this.current = reason;
    this.controller.abort();
    this.resolveDone(reason);
    return true;
  }

  force(): void {
    this.forceController.abort();
  }

  /** Waits for a stop. Keeps the process alive meanwhile: signal handlers alone do not. */
  async wait(): Promise<StopReason> {
    const keepAlive = setInterval(() => {}, 1 << 30);
    try {
      return await this.done;
    } finally {
      clearInterval(keepAlive);
    }
  }
}
