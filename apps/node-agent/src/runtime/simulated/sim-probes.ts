// Probes and lifecycle hooks of simulated containers: no network, no processes. A probe
// passes (readiness and startup once `ready-after-ms` has passed since the start)
// unless `sim.wheelhouse.io/probe-fail` names its kind; then it fails after
// failureThreshold periods, as a real failing probe would.
import type { ProbeWorker, ProbeWorkerOptions } from '../../probes/probe-worker.js';
import type { HandlerResult, LifecycleHandlerSpec } from '../../hooks/lifecycle-handler.js';
import type { ProbeTarget } from '../../probes/probe-worker.js';
import { knobsFor } from './knobs.js';

const KIND_NAMES = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' } as const;

export function startSimulatedProbeWorker(options: ProbeWorkerOptions): ProbeWorker {
  const { target, kind, probe } = options;
  const knobs = knobsFor(target.sandbox.annotations, target.instance.container);
  const run = target.instance.state();
  const startedAt = run.startedAt.getTime();
  let timer: NodeJS.Timeout | undefined;
  if (knobs.probeFail.includes(kind)) {
    const periodMs = (probe.periodSeconds ?? 10) * 1000;
    const delay = (probe.initialDelaySeconds ?? 0) * 1000 + periodMs * (probe.failureThreshold ?? 3);
    timer = setTimeout(() => options.onResult(false, `${KIND_NAMES[kind]} probe failed: simulated failure (sim.wheelhouse.io/probe-fail)`), delay);
  } else {
    const wait = kind === 'liveness' ? 0 : Math.max(0, startedAt + knobs.readyAfterMs - Date.now());
    timer = setTimeout(() => options.onResult(true), wait);
  }
  return { stop: () => clearTimeout(timer) };
}

/** Hooks of simulated containers succeed; a `sleep` handler really sleeps (bounded by the timeout). */
export async function runSimulatedLifecycleHandler(handler: LifecycleHandlerSpec, _target: ProbeTarget, timeoutMs: number): Promise<HandlerResult> {
  if (handler.sleep) await new Promise((r) => setTimeout(r, Math.min((handler.sleep?.seconds ?? 0) * 1000, timeoutMs)));
  return { ok: true };
}
