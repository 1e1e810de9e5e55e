import type { AgentConfig } from '../../config.js';
import { simulatedHealth } from '../../node/health.js';
import type { RuntimeMode } from '../runtime-mode.js';
import { runSimulatedLifecycleHandler, startSimulatedProbeWorker } from './sim-probes.js';
import { SimulatedRuntime } from './simulated-runtime.js';

/** Simulated containers, probes and hooks (kwok-style fleets); simulated nodes never feel pressure. */
export function simulatedMode(config: Pick<AgentConfig, 'simStartDelayMs'>): RuntimeMode {
  return {
    newRuntime: (node) => new SimulatedRuntime({ podCIDR: node.podCIDR, startDelayMs: config.simStartDelayMs }),
    startProbe: startSimulatedProbeWorker,
    runHandler: runSimulatedLifecycleHandler,
    health: simulatedHealth,
    startEvents: false,
  };
}
