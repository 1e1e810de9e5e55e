import type { AgentConfig } from '../../config.js';
import { runLifecycleHandler } from '../../hooks/index.js';
import { hostHealth } from '../../node/health.js';
import { startProbeWorker } from '../../probes/index.js';
import type { RuntimeMode } from '../runtime-mode.js';
import { createProcessRuntime } from './index.js';

/** Real processes under the data directory, real probes and hooks, the host's pressure. */
export function processMode(config: Pick<AgentConfig, 'dataDir'>): RuntimeMode {
  return {
    newRuntime: (node) => createProcessRuntime({ rootDir: config.dataDir, podCidr: node.podCIDR }),
    startProbe: startProbeWorker,
    runHandler: runLifecycleHandler,
    health: () => hostHealth(config.dataDir),
    startEvents: true,
  };
}
