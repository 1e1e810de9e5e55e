import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type LauncherProcess = ChildProcess & { output: () => string; waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void> };

/**
 * `npm start`'s launcher (apps/launcher/dist/main.js) on an external database, with
 * every port free or off and simulated nodes, so it runs beside other test clusters.
 */
export function spawnLauncher(env: Record<string, string>): LauncherProcess {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../../apps/launcher/dist/main.js', import.meta.url))], {
    env: {
      ...process.env,
      WHEELHOUSE_NODE_RUNTIME: 'simulated',
      WHEELHOUSE_KUBELET_PORT: '0',
      WHEELHOUSE_CONTROLLER_METRICS_PORT: '0',
      WHEELHOUSE_SCHEDULER_METRICS_PORT: '0',
      // The cluster DNS runs, but never on the real 127.16.0.10:53 another cluster may hold.
      WHEELHOUSE_DNS_ADDRESS: `127.53.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`,
      WHEELHOUSE_DNS_PORT: String(20_000 + Math.floor(Math.random() * 30_000)),
      // The ingress controller too: never the real 127.0.0.1:8080/8443 a developer's cluster may hold.
      WHEELHOUSE_INGRESS_ADDRESS: `127.54.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`,
      WHEELHOUSE_INGRESS_HTTP_PORT: String(20_000 + Math.floor(Math.random() * 30_000)),
      WHEELHOUSE_INGRESS_HTTPS_PORT: String(20_000 + Math.floor(Math.random() * 30_000)),
      WHEELHOUSE_INGRESS_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (c: Buffer) => (output += c.toString());
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const waitForOutput = async (pattern: RegExp, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}) before ${pattern}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return Object.assign(child, { output: () => output, waitForOutput });
}

/** Child processes of `pid` whose command line contains `needle` (from /proc). */
export function childPids(pid: number, needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
