/**
 * A push-to-pull queue exposed as an AsyncIterator. Written by hand (not an async
 * generator) so that `return()` from the subscription ends it at once, even while a
 * consumer is waiting for the next item.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (r: IteratorResult<T>) => void } | undefined;
  closed = false;
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
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = { resolve }));
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
