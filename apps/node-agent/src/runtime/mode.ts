// The agent's runtime mode, chosen once at start from the configuration.
import type { AgentConfig } from '../config.js';
import { processMode } from './process/mode.js';
import type { RuntimeMode } from './runtime-mode.js';
import { simulatedMode } from './simulated/mode.js';

export type { RuntimeMode } from './runtime-mode.js';

export function runtimeMode(config: AgentConfig): RuntimeMode {
  return config.runtime === 'simulated' ? simulatedMode(config) : processMode(config);
}
