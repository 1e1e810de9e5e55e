import { ProcessRuntime, type ProcessRuntimeOptions } from './process-runtime.js';

export { ProcessRuntime, type ProcessRuntimeOptions, type SandboxInput } from './process-runtime.js';
export { DEFAULT_LOG_ROTATION, type LogRotation } from './log-writer.js';

/** The process runtime for one node: pods under `rootDir`, pod IPs from `podCidr` (inside 127.0.0.0/8). */
export function createProcessRuntime(options: ProcessRuntimeOptions): ProcessRuntime {
  return new ProcessRuntime(options);
}
