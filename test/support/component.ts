import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from './api.js';

export type ComponentProcess = ChildProcess & { output: () => string };

/**
 * A real component process (controller-manager, scheduler) against a test API: short
 * leases so failover tests are quick, no fixed metrics port since several run at once.
 */
export function spawnComponent(entry: string, apiUrl: string, env: Record<string, string> = {}): ComponentProcess {
  const child = spawn(process.execPath, [fileURLToPath(new URL(`../../../${entry}`, import.meta.url))], {
    env: {
      ...process.env,
      WHEELHOUSE_SERVER: apiUrl,
      WHEELHOUSE_TOKEN: TEST_TOKEN,
      WHEELHOUSE_LEASE_DURATION_SECONDS: '3',
      WHEELHOUSE_RENEW_DEADLINE_MS: '2000',
      WHEELHOUSE_RETRY_PERIOD_MS: '300',
      WHEELHOUSE_CONTROLLER_METRICS_PORT: '0',
      WHEELHOUSE_SCHEDULER_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return Object.assign(child, { output: () => output });
}
