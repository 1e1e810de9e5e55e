// What the pod worker knows about one container of a pod, as plain data: the input
// of the status computation. Runtime handles (instances, probe workers) live elsewhere.
import type { ContainerRunState } from '../runtime/runtime.js';

export type ExitedRun = Extract<ContainerRunState, { state: 'exited' }>;

export interface ContainerRecord {
  name: string;
  /** How often the container was restarted: the number of the current run (0 for the first). */
  restartCount: number;
  /** The current run; absent before the first start. */
  current?: { id: string; run: ContainerRunState };
  /** The run before the current one, once it exited (`lastState`). */
  previous?: { id: string; run: ExitedRun };
  /** Set while the container waits to be (re)started: CrashLoopBackOff, CreateContainerError, ... */
  waiting?: { reason: string; message?: string };
  /** Readiness verdict (true without a readiness probe once running and started). */
  ready: boolean;
  /** Startup verdict (true without a startup probe once running). */
  started: boolean;
}

export function newRecord(name: string): ContainerRecord {
  return { name, restartCount: 0, ready: false, started: false };
}

/** A new run became the container's current one; an exited current run becomes `previous` (lastState). */
export function beginRun(record: ContainerRecord, id: string, restartCount: number, run: ContainerRunState): void {
  const old = record.current;
  if (old && old.run.state === 'exited' && old.id !== id) record.previous = { id: old.id, run: old.run };
  record.current = { id, run };
  record.restartCount = restartCount;
  record.waiting = undefined;
  record.ready = false;
  record.started = false;
}

/** The current run ended: neither ready nor started any more. */
export function endRun(record: ContainerRecord, id: string, exit: ExitedRun): void {
  Object.assign(record, { current: { id, run: exit }, ready: false, started: false });
}
