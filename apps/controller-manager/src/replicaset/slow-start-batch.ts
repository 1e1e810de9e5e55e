// slowStartBatch: create pods in batches of 1, 2, 4, ... so that a quota or admission
// failure costs one request rather than hundreds (and spares the event spam).

/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** The batch sizes for `count` creations: each doubles the last, the final one takes the rest. */
export function slowStartBatches(count: number, initialBatchSize = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const batches: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initialBatchSize); size > 0; size = Math.min(2 * size, remaining)) {
    batches.push(size);
    remaining -= size;
  }
  return batches;
}

export interface SlowStartResult {
  successes: number;
  /** The first failure; the batches after the failing one were never started. */
  error?: unknown;
}

/**
 * Runs `call` once per slot, one batch at a time, each batch concurrently; stops after
 * the first batch with a failure. Skipped calls are `total - successes - failures`, which
 * the caller must subtract from its expectations.
 */
export async function runSlowStart(batches: readonly number[], call: () => Promise<unknown>): Promise<SlowStartResult> {
  let successes = 0;
  for (const size of batches) {
    const results = await Promise.allSettled(Array.from({ length: size }, () => call()));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    successes += results.filter((result) => result.status === 'fulfilled').length;
    if (failure) return { successes, error: failure.reason };
  }
  return { successes };
}
