// The kubelet prober worker's threshold bookkeeping (pkg/kubelet/prober/worker.go
// doProbe), as a pure step: one probe outcome in, the new state out, plus the
// verdict when it is (re)set.
import type { ProbeKind } from './probe-worker.js';

export interface ProbeThresholds {
  successThreshold: number;
  failureThreshold: number;
}

export interface ProbeState {
  /** The outcome of the last probe and how many in a row had it. */
  lastResult?: boolean;
  resultRun: number;
  /** The thresholded verdict last reported; undefined before the first. */
  verdict?: boolean;
  /** Probing stops: a liveness/startup failure (the container gets restarted) or a startup success. */
  stopped: boolean;
}

export const INITIAL_PROBE_STATE: ProbeState = { resultRun: 0, stopped: false };

export interface ProbeStep {
  state: ProbeState;
  /** Set when this outcome reached a threshold and the verdict is (re)stated; the caller reports it when it changed. */
  verdict?: boolean;
  changed: boolean;
}

/** Kubernetes' defaults for unset or zero thresholds (SetDefaults_Probe). */
export function thresholdsOf(probe: { successThreshold?: number; failureThreshold?: number }): ProbeThresholds {
  return { successThreshold: probe.successThreshold || 1, failureThreshold: probe.failureThreshold || 3 };
}

export function recordProbeOutcome(kind: ProbeKind, state: ProbeState, success: boolean, thresholds: ProbeThresholds): ProbeStep {
  if (state.stopped) return { state, changed: false };
  const resultRun = state.lastResult === success ? state.resultRun + 1 : 1;
  const next: ProbeState = { ...state, lastResult: success, resultRun };
  const needed = success ? thresholds.successThreshold : thresholds.failureThreshold;
  if (resultRun < needed) return { state: next, changed: false };
  const changed = state.verdict !== success;
  next.verdict = success;
  // A failed liveness or startup probe restarts the container: stop probing this instance.
  if (!success && kind !== 'readiness') {
    next.stopped = true;
    next.resultRun = 0;
  }
  // A startup probe has done its job once it succeeds.
  if (success && kind === 'startup') next.stopped = true;
  return { state: next, verdict: success, changed };
}
