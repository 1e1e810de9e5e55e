/**
 * A push-to-pull queue exposed as an AsyncIterator. Written by hand (not an async
 * generator) so that `return()` from the subscription ends it at once, even while a
 * consumer is waiting for the next item.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  closed = false;
  /** Why the producer ended the stream: the consumer's next read rejects with it, once. */
  private failure: { error: unknown } | undefined;
  private readonly onClose: (() => void)[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve({ value: item, done: false });
    } else this.items.push(item);
  }

  whenClosed(callback: () => void): void {
    this.onClose.push(callback);
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** Ends the stream with an error the consumer receives (a watch never ends with a silent `complete`). */
  fail(error: unknown): void {
    if (this.closed) return;
    this.finish();
    if (this.waiting) {
      this.waiting.reject(error);
      this.waiting = undefined;
    } else this.failure = { error };
  }

  return(): Promise<IteratorResult<T>> {
    this.finish();
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.items.length = 0;
    for (const callback of this.onClose) callback();
  }
}
