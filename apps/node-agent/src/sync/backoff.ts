// The kubelet's crash-loop back-off (flowcontrol.Backoff as doBackOff uses it): the
// first restart is immediate, then 10 s, 20 s, 40 s … capped at 5 min; an exit more
// than twice the cap (10 min) after the previous one starts over.

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export interface BackoffEntry {
  delayMs: number;
  /** When the exit that set this delay happened (ms since epoch). */
  lastUpdate: number;
}

const expired = (finishedAt: number, entry: BackoffEntry, policy: BackoffPolicy) => finishedAt - entry.lastUpdate > 2 * policy.maxMs;

/** True while a restart after the exit at `finishedAt` must still wait (IsInBackOffSince). */
export function inBackoff(entry: BackoffEntry | undefined, finishedAt: number, now: number, policy: BackoffPolicy): boolean {
  if (!entry || expired(finishedAt, entry, policy)) return false;
  return now - finishedAt < entry.delayMs;
}

/** The entry after a restart following the exit at `finishedAt` (Next). */
export function nextBackoff(entry: BackoffEntry | undefined, finishedAt: number, policy: BackoffPolicy): BackoffEntry {
  if (!entry || expired(finishedAt, entry, policy)) return { delayMs: policy.initialMs, lastUpdate: finishedAt };
  return { delayMs: Math.min(entry.delayMs * 2, policy.maxMs), lastUpdate: finishedAt };
}

/** Go's time.Duration formatting for whole seconds and minutes: 10s, 1m20s, 5m0s. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${s % 60}s`;
}
