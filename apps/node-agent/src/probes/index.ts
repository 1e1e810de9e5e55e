export { startProbeWorker, firstProbeDelayMs } from './worker.js';
export { runProbe, type ProbeOutcome } from './run-probe.js';
export { recordProbeOutcome, thresholdsOf, INITIAL_PROBE_STATE, type ProbeState, type ProbeThresholds } from './probe-state.js';
export { httpGet, probeUrl, type HttpGetSpec, type HttpGetOutcome } from './http-get.js';
export { resolvePort } from './resolve-port.js';
export type { ProbeKind, ProbeSpec, ProbeTarget, ProbeWorker, ProbeWorkerOptions } from './probe-worker.js';
