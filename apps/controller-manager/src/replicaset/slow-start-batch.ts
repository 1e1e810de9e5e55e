// slowStartBatch: create pods in batches of 1, 2, 4, ... so that a quota or admission
// failure costs one request rather than hundreds (and spares the event spam). Each batch
// is ONE bulk call (createPods: one commit, all or nothing), so 500 pods cost 9 calls.

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

export interface SlowStartResult<T> {
  /** What each successful call created, in order (one entry per call). */
  created: T[][];
  /** Creations asked for but never made: the failed batch's and every later batch's. */
  notCreated: number;
  /** Calls made (the failing one included). */
  calls: number;
  /** The first failure; the batches after the failing one were never started. */
  error?: unknown;
}

/**
 * Creates the batches one bulk call after another and stops at the first failure (a
 * rejected call, or one that created fewer than asked: the missing ones count as
 * failed). Nothing runs concurrently: a failing template costs one call.
 */
export async function runSlowStart<T>(batches: readonly number[], createBatch: (size: number) => Promise<readonly T[]>): Promise<SlowStartResult<T>> {
  const total = batches.reduce((a, b) => a + b, 0);
  const created: T[][] = [];
  let made = 0;
  let calls = 0;
  for (const size of batches) {
    calls++;
    let items: readonly T[];
    try {
      items = await createBatch(size);
    } catch (error) {
      return { created, notCreated: total - made, calls, error };
    }
    const kept = items.slice(0, size);
    made += kept.length;
    if (kept.length > 0) created.push(kept);
    if (kept.length < size) return { created, notCreated: total - made, calls, error: new Error(`created ${kept.length} of ${size}`) };
  }
  return { created, notCreated: total - made, calls };
}

/** The part of Expectations a slow start needs. */
export interface CreationExpectations {
  expectCreations(key: string, count: number): void;
  creationObserved(key: string): void;
}

/**
 * runSlowStart with the expectations around it: every creation is expected before the
 * first call (the informer may see a pod before the call returns), and each creation
 * that was not made is marked observed, since it never will be.
 */
export async function slowStartCreate<T>(
  expectations: CreationExpectations,
  key: string,
  batches: readonly number[],
  createBatch: (size: number) => Promise<readonly T[]>,
): Promise<SlowStartResult<T>> {
  expectations.expectCreations(
    key,
    batches.reduce((a, b) => a + b, 0),
  );
  const result = await runSlowStart(batches, createBatch);
  for (let i = 0; i < result.notCreated; i++) expectations.creationObserved(key);
  return result;
}
