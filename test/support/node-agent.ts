// A real node agent process against a test API (apps/node-agent/dist/main.js).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from './api.js';

export type NodeAgentProcess = ChildProcess & {
  output: () => string;
  /** SIGTERM, then resolves with the exit code once it has exited. */
  stop: () => Promise<number | null>;
  dataDir: string;
};

export interface NodeAgentOptions {
  /** One node of this name (default `test-node`); ignored when `args` sets --nodes. */
  nodeName?: string;
  runtime?: 'process' | 'simulated';
  /** Extra flags, e.g. ['--nodes', '3', '--node-prefix', 'sim-'] or ['--manage-annotated']. */
  args?: string[];
  env?: Record<string, string>;
  /** Reuse a data directory (an agent restart keeps its pod directories and IP claims). */
  dataDir?: string;
}

/**
 * Spawns a node agent for node X against API url U with runtime R: kubelet port 0, fast
 * lease renewals and status reports (0.5 s), short back-off (1 s doubling to 4 s) so
 * tests see restarts quickly, pods under a throwaway data directory.
 */
export function spawnNodeAgent(apiUrl: string, options: NodeAgentOptions = {}): NodeAgentProcess {
  const runtime = options.runtime ?? 'simulated';
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wh-agent-'));
  const args = ['--runtime', runtime, ...(options.args ?? [])];
  if (!args.includes('--nodes') && !args.includes('--manage-annotated')) args.push('--node-name', options.nodeName ?? 'test-node');
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../../apps/node-agent/dist/main.js', import.meta.url)), ...args], {
    env: {
      ...process.env,
      WHEELHOUSE_SERVER: apiUrl,
      WHEELHOUSE_TOKEN: TEST_TOKEN,
      WHEELHOUSE_KUBELET_PORT: '0',
      WHEELHOUSE_AGENT_DATA_DIR: dataDir,
      WHEELHOUSE_NODE_LEASE_RENEW_MS: '500',
      WHEELHOUSE_NODE_STATUS_UPDATE_MS: '500',
      WHEELHOUSE_BACKOFF_INITIAL_MS: '1000',
      WHEELHOUSE_BACKOFF_MAX_MS: '4000',
      WHEELHOUSE_STATUS_BATCH_MS: '20',
      WHEELHOUSE_SIM_START_DELAY_MS: '0-50',
      // Off unless a test asks: parallel tests' agents would bind the same ClusterIPs.
      WHEELHOUSE_SERVICE_PROXY: 'false',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return Object.assign(child, {
    output: () => output,
    dataDir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  });
}
