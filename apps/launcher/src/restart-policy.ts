// When a component exits on its own: restart it after a back-off, as a kubelet restarts
// a static pod (10 s doubling to 5 min there; seconds here, a laptop cluster) and as
// systemd's Restart=on-failure with StartLimitBurst does, or give up on a crash loop.
// Pure, so the schedule is unit-tested.

export interface RestartPolicy {
  /** Back-off before the first restart; doubles with every crash in a row. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** This many exits within `crashLoopWindowMs` is a crash loop: stop the cluster. */
  crashLoopCount: number;
  crashLoopWindowMs: number;
  /** A run this long counts as healthy: the back-off starts over. */
  resetAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  crashLoopCount: 5,
  crashLoopWindowMs: 120_000,
  resetAfterMs: 60_000,
};

/** One run of a component: when it started and when it exited. */
export interface Run {
  startedAt: number;
  exitedAt: number;
}

export type RestartDecision = { action: 'restart'; delayMs: number; attempt: number } | { action: 'give-up'; reason: string };

/** `runs` are the component's past runs, oldest first, the last being the one that just ended. */
export function decideRestart(runs: readonly Run[], policy: RestartPolicy): RestartDecision {
  const last = runs[runs.length - 1];
  if (!last) throw new Error('decideRestart needs the run that just ended');
  const recent = runs.filter((r) => last.exitedAt - r.exitedAt < policy.crashLoopWindowMs);
  if (recent.length >= policy.crashLoopCount) {
    return { action: 'give-up', reason: `it exited ${recent.length} times within ${Math.round(policy.crashLoopWindowMs / 1000)} s (a crash loop)` };
  }
  // Crashes in a row since the last run that lasted long enough to count as healthy.
  let inARow = 0;
  for (let i = runs.length - 1; i >= 0 && runs[i]!.exitedAt - runs[i]!.startedAt < policy.resetAfterMs; i--) inARow++;
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, inARow - 1));
  return { action: 'restart', delayMs, attempt: runs.length };
}
