// The timer shell around one probe of one container instance: waits out
// initialDelaySeconds (counted from the container's start), probes every
// periodSeconds, and reports the thresholded verdict when it changes.
import { INITIAL_PROBE_STATE, recordProbeOutcome, thresholdsOf, type ProbeState } from './probe-state.js';
import { runProbe } from './run-probe.js';
import type { ProbeKind, ProbeWorker, ProbeWorkerOptions } from './probe-worker.js';

const KIND_TITLE: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** Milliseconds until the first probe: the initial delay counted from the container's start. */
export function firstProbeDelayMs(startedAt: Date, initialDelaySeconds: number | undefined, now: number): number {
  return Math.max(0, startedAt.getTime() + (initialDelaySeconds ?? 0) * 1000 - now);
}

export function startProbeWorker(options: ProbeWorkerOptions): ProbeWorker {
  const { kind, probe, target, onResult } = options;
  const periodMs = (probe.periodSeconds || 10) * 1000;
  const thresholds = thresholdsOf(probe);
  let state: ProbeState = INITIAL_PROBE_STATE;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delayMs: number) => {
    if (!stopped) timer = setTimeout(tick, delayMs);
  };

  async function tick(): Promise<void> {
    const began = Date.now();
    if (target.instance.state().state !== 'running') return; // the instance ended: nothing left to probe
    const outcome = await runProbe(probe, target);
    if (stopped) return;
    if (outcome.result !== 'error') {
      const step = recordProbeOutcome(kind, state, outcome.result === 'success', thresholds);
      state = step.state;
      if (step.changed) {
        onResult(step.verdict as boolean, step.verdict ? undefined : `${KIND_TITLE[kind]} probe failed: ${outcome.output}`);
      }
      if (state.stopped) return;
    }
    schedule(Math.max(0, began + periodMs - Date.now()));
  }

  const running = target.instance.state();
  schedule(firstProbeDelayMs(running.startedAt, probe.initialDelaySeconds, Date.now()));
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
