// How a process's end reads as a Kubernetes container state.
import { constants } from 'node:os';
import type { ContainerRunState } from '../runtime.js';

type Exited = Extract<ContainerRunState, { state: 'exited' }>;

/**
 * Exit code and reason: 0 is Completed, anything else Error; a death by signal
 * is exit code 128 + the signal's number, as container runtimes report it.
 */
export function exitState(code: number | null, signal: NodeJS.Signals | null, startedAt: Date, finishedAt: Date): Exited {
  if (signal) {
    const number = constants.signals[signal] ?? 0;
    return { state: 'exited', startedAt, finishedAt, exitCode: 128 + number, signal, reason: 'Error' };
  }
  const exitCode = code ?? 0;
  return { state: 'exited', startedAt, finishedAt, exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' };
}
