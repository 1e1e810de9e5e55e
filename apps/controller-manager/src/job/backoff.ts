/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff: 10 s doubling per failure, at most 6 min. */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 360_000;

/**
 * How long to wait before creating the next pod after `failures` consecutive failures, the
 * last at `lastFailureAt` (ms). Zero when there were none or the wait is over.
 */
export function remainingBackoffMs(failures: number, lastFailureAt: number | undefined, now: number): number {
  if (failures <= 0 || lastFailureAt === undefined) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failures - 1), MAX_POD_FAILURE_BACKOFF_MS);
  return Math.max(0, lastFailureAt + delay - now);
}
