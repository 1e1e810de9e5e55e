// Runs components as child processes, restarts one that exits on its own (with back-off,
// once restarts are enabled) or reports it, and stops them all: SIGTERM, a grace period,
// then SIGKILL for whoever is left.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './log.js';
import type { PlannedComponent } from './plan.js';
import { pipeWithPrefix } from './prefix-lines.js';
import { decideRestart, type RestartPolicy, type Run } from './restart-policy.js';

export interface Output {
  stdout: Writable;
  stderr: Writable;
}

export interface SupervisorOptions {
  log: Logger;
  output: Output;
  /**
   * Called when a component exits while the launcher is not stopping and will not be
   * restarted: restarts are off (not enabled yet, or no policy), or it is crash-looping
   * (`crashLoop` says why).
   */
  onUnexpectedExit: (name: string, how: string, crashLoop?: string) => void;
  /** Restart components that exit on their own, once `enableRestarts()` was called. */
  restartPolicy?: RestartPolicy;
}

/** One component across its restarts. */
interface Supervised {
  component: PlannedComponent;
  runs: Run[];
  current?: Running;
  restartTimer?: NodeJS.Timeout;
}

interface Running {
  name: string;
  process: ChildProcess;
  /** Resolves when the process has exited and its output is fully copied. */
  finished: Promise<void>;
}

export class Supervisor {
  private readonly supervised: Supervised[] = [];
  private stopping = false;
  private restarts = false;

  constructor(private readonly opts: SupervisorOptions) {}

  /** From now on a component that exits on its own is restarted (before: the start failed, and is reported). */
  enableRestarts(): void {
    this.restarts = this.opts.restartPolicy !== undefined;
  }

  start(component: PlannedComponent): void {
    const entry: Supervised = { component, runs: [] };
    this.supervised.push(entry);
    this.spawn(entry);
  }

  private spawn(entry: Supervised): void {
    const { log, output } = this.opts;
    const { component } = entry;
    const startedAt = Date.now();
    log.info(`starting ${component.name} (${component.script})`);
    const child = spawn(process.execPath, [component.script, ...(component.args ?? [])], {
      env: component.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const copied = Promise.all([pipeWithPrefix(child.stdout, output.stdout, component.name), pipeWithPrefix(child.stderr, output.stderr, component.name)]);
    const exited = new Promise<string>((resolve) => {
      child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
      // Spawn failures emit 'error' and no 'exit'.
      child.once('error', (err) => resolve(`failed to start: ${err.message}`));
    });
    const finished = exited.then(async (how) => {
      await copied;
      if (this.stopping) log.info(`${component.name} exited (${how})`);
      else this.exitedOnItsOwn(entry, how, { startedAt, exitedAt: Date.now() });
    });
    entry.current = { name: component.name, process: child, finished };
  }

  private exitedOnItsOwn(entry: Supervised, how: string, run: Run): void {
    const { name } = entry.component;
    if (!this.restarts || !this.opts.restartPolicy) {
      this.opts.onUnexpectedExit(name, how);
      return;
    }
    entry.runs.push(run);
    const decision = decideRestart(entry.runs, this.opts.restartPolicy);
    if (decision.action === 'give-up') {
      this.opts.onUnexpectedExit(name, how, decision.reason);
      return;
    }
    this.opts.log.warn(`${name} exited unexpectedly (${how}); restarting it in ${decision.delayMs / 1000} s (restart ${decision.attempt})`);
    entry.restartTimer = setTimeout(() => {
      entry.restartTimer = undefined;
      if (!this.stopping) this.spawn(entry);
    }, decision.delayMs);
  }

  /**
   * SIGTERM to every component in reverse start order, each after the later ones have
   * exited (so the controller-manager can still release its lease through the API);
   * SIGKILL to what is left after `graceMs` or when `forced` aborts.
   */
  async stopAll(graceMs: number, forced?: AbortSignal): Promise<void> {
    this.stopping = true;
    for (const entry of this.supervised) clearTimeout(entry.restartTimer);
    const alive = this.supervised.flatMap((e) => (e.current && isAlive(e.current.process) ? [e.current] : []));
    if (alive.length === 0) return;
    this.opts.log.info(
      `stopping ${[...alive]
        .reverse()
        .map((r) => r.name)
        .join(', ')}`,
    );

    const allDone = Promise.all(alive.map((r) => r.finished));
    const graceTimer = new AbortController();
    const signal = forced ? AbortSignal.any([graceTimer.signal, forced]) : graceTimer.signal;
    const deadline = sleep(graceMs, 'timeout', { signal }).catch(() => 'forced');
    const inOrder = (async () => {
      for (const r of [...alive].reverse()) {
        if (isAlive(r.process)) r.process.kill('SIGTERM');
        await r.finished;
      }
      return 'exited';
    })();
    const outcome = await Promise.race([inOrder, deadline]);
    graceTimer.abort(); // don't keep the process alive for the rest of the grace period
    if (outcome !== 'exited') {
      for (const r of alive.filter((r) => isAlive(r.process))) {
        this.opts.log.warn(`${r.name} still running after SIGTERM (${outcome}); sending SIGKILL`);
        r.process.kill('SIGKILL');
      }
    }
    await allDone;
  }
}

function isAlive(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}
