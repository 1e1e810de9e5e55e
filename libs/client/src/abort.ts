import { WheelhouseError } from './errors.js';

export interface LinkedSignal {
  signal: AbortSignal;
  /** Detaches from the parents and clears the timer; call when the operation ends. */
  dispose(): void;
}

/**
 * A signal that aborts with the first parent, or after `timeoutMs`. Not
 * AbortSignal.any: combining the client's long-lived signal per request leaks in
 * Node (nodejs/node#55351); here listeners are removed when the request ends.
 */
export function linkSignals(parents: readonly (AbortSignal | undefined)[], timeoutMs?: number): LinkedSignal {
  const controller = new AbortController();
  const live = parents.filter((p): p is AbortSignal => p !== undefined);
  const forward = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  const aborted = live.find((p) => p.aborted);
  if (aborted) controller.abort(aborted.reason);
  else for (const p of live) p.addEventListener('abort', forward, { once: true });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new WheelhouseError('UNAVAILABLE', `timed out after ${timeoutMs} ms`)), timeoutMs);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      for (const p of live) p.removeEventListener('abort', forward);
    },
  };
}
