/** How long a key waits before it is retried (client-go workqueue.RateLimiter). */
export interface RateLimiter {
  /** The delay for this retry of `key`; counts it as a failure. */
  when(key: string): number;
  /** The key succeeded: its next failure starts from the base delay again. */
  forget(key: string): void;
  /** Failures counted for `key` since the last forget. */
  numRequeues(key: string): number;
}
