// `wh` as a user runs it: a child process with the server and token in its environment.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from './api.js';

export const WH_MAIN = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));

export interface WhRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface WhOptions {
  stdin?: string;
  env?: Record<string, string>;
}

/** Runs `wh` against `server` with its own empty config; async so an in-process API keeps answering. */
export function whRunner(server: string, script = WH_MAIN) {
  const config = join(mkdtempSync(join(tmpdir(), 'wh-config-')), 'config');
  const spawnWh = (args: string[], options: WhOptions = {}) =>
    spawn(process.execPath, [script, ...args], {
      env: { ...process.env, WHEELHOUSE_SERVER: server, WHEELHOUSE_TOKEN: TEST_TOKEN, WHEELHOUSE_CONFIG: config, NO_COLOR: '1', ...options.env },
    });
  const run = (args: string[], options: WhOptions = {}): Promise<WhRun> =>
    new Promise((resolve, reject) => {
      const child = spawnWh(args, options);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
    });
  const streams: WhStream[] = [];
  /** A long-running `wh` (`get -w`, `logs -f`): read its output as it comes, then stop it. */
  const stream = (args: string[], options: WhOptions = {}) => {
    const s = new WhStream(spawnWh(args, options));
    streams.push(s);
    return s;
  };
  /** Stops every stream still running (a failed test must not leave one holding the test process open). */
  const stopAll = () => Promise.all(streams.map((s) => s.stop()));
  return { run, stream, stopAll };
}

export class WhStream {
  stdout = '';
  stderr = '';
  private readonly closed: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d) => (this.stdout += d));
    child.stderr.on('data', (d) => (this.stderr += d));
    child.stdin.end();
    this.closed = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  }

  /** Resolves once stdout matches; fails with what was printed after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.stdout.match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`wh never printed ${pattern}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGINT, as Ctrl-C; resolves to the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGINT');
    return this.closed;
  }

  exited(): Promise<number | null> {
    return this.closed;
  }
}
