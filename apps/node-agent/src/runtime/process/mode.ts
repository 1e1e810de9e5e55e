import type { AgentConfig } from '../../config.js';
import { runLifecycleHandler } from '../../hooks/index.js';
import { hostHealth } from '../../node/health.js';
import { startProbeWorker } from '../../probes/index.js';
import type { RuntimeMode } from '../runtime-mode.js';
import { createProcessRuntime } from './index.js';

/** Real processes under the data directory, real probes and hooks, the host's pressure. */
export function processMode(config: Pick<AgentConfig, 'dataDir'>): RuntimeMode {
  return {
    newRuntime: (node) => {
      const runtime = createProcessRuntime({ rootDir: config.dataDir, podCidr: node.podCIDR });
      // Said once, at start: such a node refuses pods with volumeMounts (each refusal is also a Failed event).
      if (runtime.isolationProblem) console.warn(`node agent: ${runtime.isolationProblem}`);
      return runtime;
    },
    startProbe: startProbeWorker,
    runHandler: runLifecycleHandler,
    health: () => hostHealth(config.dataDir),
    startEvents: true,
  };
}
