import type { ControllerMetrics, ReconcileOutcome } from './metrics.js';
import type { ReconcileResult } from './reconcile-result.js';
import type { WorkQueue } from './work-queue.js';

export interface ControllerOptions {
  name: string;
  queue: WorkQueue;
  /** Keys processed at once; the queue guarantees one key is never processed twice at once. Default 1. */
  workers?: number;
  reconcile(key: string): Promise<ReconcileResult>;
  metrics?: ControllerMetrics;
  /** Every failed reconcile, for logging. Default: console.error. */
  onError?(key: string, error: unknown, terminal: boolean): void;
}

export interface ControllerHandle {
  /**
   * Stops handing out keys (queued ones are dropped: after a restart or a change of
   * leader the informers relist and re-add them) and resolves once the reconciles
   * in flight have finished.
   */
  stop(): Promise<void>;
  /** Resolves when every worker has exited. */
  readonly finished: Promise<void>;
}

/**
 * Runs `workers` loops that take a key, reconcile it and act on the result:
 * done → forget its backoff; requeueAfter → forget, add again later;
 * error → add again with backoff, unless terminal.
 */
export function runController(options: ControllerOptions): ControllerHandle {
  const workers = Math.max(1, options.workers ?? 1);
  const finished = Promise.all(Array.from({ length: workers }, () => work(options))).then(() => undefined);
  return {
    finished,
    async stop() {
      await options.queue.shutDown({ drain: false });
      await finished;
    },
  };
}

async function work(options: ControllerOptions): Promise<void> {
  for (let key = await options.queue.get(); key !== undefined; key = await options.queue.get()) {
    try {
      await processKey(options, key);
    } finally {
      options.queue.done(key);
    }
  }
}

async function processKey(options: ControllerOptions, key: string): Promise<void> {
  const { name, queue, reconcile, metrics } = options;
  const started = performance.now();
  let result: ReconcileResult;
  try {
    result = await reconcile(key);
  } catch (error) {
    result = { type: 'error', error };
  }
  metrics?.reconcileDuration.observe({ controller: name }, (performance.now() - started) / 1000);
  metrics?.reconcileTotal.inc({ controller: name, result: outcome(result) });
  switch (result.type) {
    case 'done':
      queue.forget(key);
      break;
    case 'requeueAfter':
      // A planned revisit is not a failure: it must not grow the backoff.
      queue.forget(key);
      queue.addAfter(key, result.ms);
      break;
    case 'error':
      metrics?.reconcileErrors.inc({ controller: name });
      if (result.terminal) queue.forget(key);
      else queue.addRateLimited(key);
      report(options, key, result.error, result.terminal === true);
      break;
  }
}

function outcome(result: ReconcileResult): ReconcileOutcome {
  if (result.type === 'done') return 'done';
  if (result.type === 'requeueAfter') return 'requeue_after';
  return result.terminal ? 'terminal_error' : 'error';
}

// A throwing logger must not kill the worker loop.
function report(options: ControllerOptions, key: string, error: unknown, terminal: boolean): void {
  try {
    if (options.onError) options.onError(key, error, terminal);
    else console.error(`[${options.name}] reconcile ${key} failed${terminal ? ' (terminal, not retried)' : ''}:`, error);
  } catch {
    // ignored on purpose
  }
}
