// A pod worker's timers (back-off ends, config retries, the active deadline), all cleared
// at once when the pod stops running.

export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private deadline: NodeJS.Timeout | undefined;

  after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.add(timer);
  }

  /** One wake-up just after `at` (ms since epoch), replacing the previous one. */
  wakeAt(at: number, fn: () => void): void {
    clearTimeout(this.deadline);
    this.deadline = setTimeout(fn, at - Date.now() + 10);
  }

  clear(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    clearTimeout(this.deadline);
  }
}
