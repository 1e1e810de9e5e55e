import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from './api.js';

const MAIN = fileURLToPath(new URL('../../../apps/controller-manager/dist/main.js', import.meta.url));

/** A real controller-manager process against a test API; short leases so failover tests are quick. */
export function spawnControllerManager(apiUrl: string, env: Record<string, string> = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      WHEELHOUSE_SERVER: apiUrl,
      WHEELHOUSE_TOKEN: TEST_TOKEN,
      WHEELHOUSE_LEASE_DURATION_SECONDS: '3',
      WHEELHOUSE_RENEW_DEADLINE_MS: '2000',
      WHEELHOUSE_RETRY_PERIOD_MS: '300',
      // Several managers run at once in tests: no fixed metrics port.
      WHEELHOUSE_CONTROLLER_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return Object.assign(child, { output: () => output });
}

/** Polls `check` until it returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
