import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** A bench that fails (throws) must not leave its components running: they die with it. */
export function dieWithBench(child: ChildProcess): ChildProcess {
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  return child;
}

/** The API as its own process on a free port; resolves with its GraphQL URL. */
export async function spawnApi(databaseUrl: string, token: string, nodeArgs: string[] = []): Promise<{ process: ChildProcess; url: string }> {
  const child = dieWithBench(
    spawn(process.execPath, [...nodeArgs, root('apps/api/dist/main.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', WHEELHOUSE_ADMIN_TOKEN: token, WHEELHOUSE_DATA_DIR: '/tmp/wh-bench' },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c;
      const m = /API listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`API exited ${code}: ${out}`)));
  });
  // The API's own log (errors, warnings) goes to stderr, after the figures' JSON.
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(c));
  return { process: child, url };
}

export function spawnControllerManager(url: string, token: string, metricsPort: number, nodeArgs: string[] = []): ChildProcess {
  const child = dieWithBench(
    spawn(process.execPath, [...nodeArgs, root('apps/controller-manager/dist/main.js')], {
      env: { ...process.env, WHEELHOUSE_SERVER: url, WHEELHOUSE_TOKEN: token, WHEELHOUSE_CONTROLLER_METRICS_PORT: String(metricsPort) },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[controller-manager] ${c}`));
  return child;
}

/** CPU time (user + system) a process has used so far, in ms (from /proc, 10 ms ticks). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Current and peak resident memory of a process, in MiB. */
export function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Sum of a Prometheus counter's samples in a /metrics text. */
export function counterSum(metricsText: string, name: string): number {
  return metricsText
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
