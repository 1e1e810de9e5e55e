import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from './api.js';

const MAIN = fileURLToPath(new URL('../../../apps/scheduler/dist/main.js', import.meta.url));

/** A real scheduler process against a test API; short leases, no metrics port. */
export function spawnScheduler(apiUrl: string, env: Record<string, string> = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      WHEELHOUSE_SERVER: apiUrl,
      WHEELHOUSE_TOKEN: TEST_TOKEN,
      WHEELHOUSE_LEASE_DURATION_SECONDS: '3',
      WHEELHOUSE_RENEW_DEADLINE_MS: '2000',
      WHEELHOUSE_RETRY_PERIOD_MS: '300',
      WHEELHOUSE_SCHEDULER_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return Object.assign(child, { output: () => output });
}
