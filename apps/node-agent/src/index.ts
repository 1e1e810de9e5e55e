// The node agent as a library: start one in-process (benchmarks, tests) or reuse its pure parts.
export { startAgent, type Agent } from './agent.js';
export { configFrom, type AgentConfig, type RuntimeName } from './config.js';
export { computePodStatus, type PodStatusInput } from './status/pod-status.js';
export { podPhase } from './status/phase.js';
export { decide, type PodAction } from './sync/decide.js';
export { SimulatedRuntime } from './runtime/simulated/simulated-runtime.js';
export { knobsFor, SIM_PREFIX } from './runtime/simulated/knobs.js';
export { SIMULATED_ANNOTATION } from './types.js';
export type * from './runtime/runtime.js';
