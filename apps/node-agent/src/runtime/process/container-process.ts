// One run of a container as a child process: spawned without a shell in its own
// process group (so signals reach whatever it starts), output to its log file,
// exit code or signal turned into the container state.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { exitState } from './exit-status.js';
import type { LogWriter } from './log-writer.js';
import type { ContainerInstance, ContainerRunState } from '../runtime.js';

type Exited = Extract<ContainerRunState, { state: 'exited' }>;

export interface LaunchSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Set when the container runs in a mount namespace of its own: commands run in it join it. */
  namespace?: { nsenter: string; pid: number };
}

/** argv for running `command` beside the container: inside its mount namespace when it has one. */
export function commandArgv(launch: LaunchSpec, command: string[]): string[] {
  if (!launch.namespace) return command;
  return [launch.namespace.nsenter, '-t', String(launch.namespace.pid), '-m', '-r', '-w', '--', ...command];
}

/** Kubernetes/runc wording for a command that cannot be executed. */
export function startErrorMessage(error: NodeJS.ErrnoException, executable: string): string {
  if (error.code === 'ENOENT') return `exec: "${executable}": executable file not found in $PATH`;
  if (error.code === 'EACCES') return `exec: "${executable}": permission denied`;
  return `exec: "${executable}": ${error.message}`;
}

/**
 * Spawns `spec`; resolves once the process runs, rejects with the runc-style message when it
 * cannot start. With `ready`, the process first sets itself up and says so on fd 3: this
 * resolves only then, and rejects with what it wrote on stderr when it exits before.
 */
export async function spawnInGroup(spec: LaunchSpec, stdio: 'pipe' | 'ignore', ready = false): Promise<ChildProcess> {
  const [executable, ...rest] = spec.argv as [string, ...string[]];
  const child = spawn(executable, rest, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', stdio, stdio, ...(ready ? ['pipe' as const] : [])] });
  try {
    await Promise.race([once(child, 'spawn'), once(child, 'error').then(([error]) => Promise.reject(error))]);
  } catch (error) {
    throw new Error(startErrorMessage(error as NodeJS.ErrnoException, executable));
  }
  if (ready) await setUpDone(child);
  return child;
}

async function setUpDone(child: ChildProcess): Promise<void> {
  const signal = child.stdio[3] as NodeJS.ReadableStream;
  let stderr = '';
  const collect = (chunk: Buffer) => (stderr += chunk.toString('utf8'));
  child.stderr?.on('data', collect);
  const outcome = await Promise.race([once(signal, 'data').then(() => 'ready'), once(child, 'exit').then(() => 'exited')]);
  child.stderr?.off('data', collect);
  (signal as unknown as { destroy(): void }).destroy();
  if (outcome === 'exited') throw new Error(stderr.trim() || 'the container mount namespace could not be set up');
  // Output read while waiting (none when all went well) goes to the log from here on.
  child.stderr?.pause();
}

/** Sends `signal` to the whole process group led by `pid`; false when nothing was there. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

export class ContainerProcess implements ContainerInstance {
  readonly exited: Promise<Exited>;
  readonly startedAt = new Date();
  readonly pid: number;
  private result: Exited | undefined;
  private oomKilled = false;

  constructor(
    readonly id: string,
    readonly podUid: string,
    readonly container: string,
    readonly launch: LaunchSpec,
    child: ChildProcess,
    log: LogWriter,
    onExit: (instance: ContainerProcess) => void,
  ) {
    this.pid = child.pid as number;
    child.stdout?.on('data', (chunk: Buffer) => log.write('stdout', chunk));
    child.stderr?.on('data', (chunk: Buffer) => log.write('stderr', chunk));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const ended = exitState(code, signal, this.startedAt, new Date());
        const state: Exited = this.oomKilled && signal === 'SIGKILL' ? { ...ended, reason: 'OOMKilled' } : ended;
        // The container ends with its main process: nothing it started outlives it.
        signalGroup(this.pid, 'SIGKILL');
        // Output still in the pipes is read before the state is final; a process that
        // escaped the group and keeps the pipes open does not hold the exit up for long.
        let finished = false;
        const done = () => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          log.close();
          this.result = state;
          onExit(this);
          resolve(state);
        };
        const timer = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          done();
        }, 2000);
        child.once('close', done);
      });
    });
  }

  /** Kills the container for using more memory than its limit; its state then says OOMKilled. */
  killForMemory(): void {
    this.oomKilled = true;
    signalGroup(this.pid, 'SIGKILL');
  }

  state(): ContainerRunState {
    return this.result ?? { state: 'running', startedAt: this.startedAt, pid: this.pid };
  }
}
