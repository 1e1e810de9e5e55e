// The failed-daemon-pod back-off (flowcontrol.NewBackOff(1s, 15m) keyed by DaemonSet and
// node): a node whose daemon pod keeps failing (a kubelet rejecting it, say) gets its pod
// replaced after 1 s, then 2 s, 4 s ... up to 15 min, instead of in a hot loop.

export const FAILED_POD_BACKOFF_INITIAL_MS = 1000;
export const FAILED_POD_BACKOFF_MAX_MS = 15 * 60 * 1000;

export interface BackoffEntry {
  /** The current delay. */
  delayMs: number;
  /** When the delay was last raised (ms since the epoch). */
  lastUpdate: number;
}

/** IsInBackOffSinceUpdate: still inside the delay that began at the last update. */
export function inBackoff(entry: BackoffEntry | undefined, now: number): boolean {
  return entry !== undefined && now - entry.lastUpdate < entry.delayMs;
}

/** Next: the first failure waits the initial delay; each next one doubles it, to the maximum; after 2× max of quiet it starts over. */
export function nextBackoff(entry: BackoffEntry | undefined, now: number): BackoffEntry {
  if (entry === undefined || now - entry.lastUpdate > 2 * FAILED_POD_BACKOFF_MAX_MS) return { delayMs: FAILED_POD_BACKOFF_INITIAL_MS, lastUpdate: now };
  return { delayMs: Math.min(entry.delayMs * 2, FAILED_POD_BACKOFF_MAX_MS), lastUpdate: now };
}

/** The back-off key of one node of one DaemonSet (failedPodsBackoffKey). */
export const backoffKey = (dsUid: string, nodeName: string) => `${dsUid}/${nodeName}`;
