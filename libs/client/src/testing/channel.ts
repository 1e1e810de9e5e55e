/**
 * A push-fed async iterator whose `return()` works while a `next()` is pending
 * (an async generator's would wait for the next value), so the server can end
 * a watch at once when the client unsubscribes or the socket dies.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve(r: IteratorResult<T>): void; reject(e: unknown): void } | undefined;
  private failure: unknown;
  private done = false;

  constructor(private readonly onClose: () => void = () => {}) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      this.waiting.resolve({ value, done: false });
      this.waiting = undefined;
    } else this.queue.push(value);
  }

  /** Makes the stream throw once the queued values are consumed. */
  fail(error: unknown): void {
    this.failure = error;
    if (this.waiting && this.queue.length === 0) {
      this.waiting.reject(error);
      this.waiting = undefined;
      this.close();
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.failure !== undefined) {
      this.close();
      return Promise.reject(this.failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
  }
}
