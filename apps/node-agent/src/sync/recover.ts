// After an agent restart: what the previous agent reported becomes the new worker's
// starting knowledge, so restart counts continue and finished init containers are
// not run again. Pure.
import { constants } from 'node:os';
import type { ContainerRecord, ExitedRun } from '../status/container-record.js';
import type { ContainerStateTerminated, ContainerStatus, PodStatus } from '@wheelhouse/model';

/** True when some agent already ran (part of) this pod. */
export function wasStarted(status: PodStatus | undefined): boolean {
  const all = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
  return all.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
}

export interface RecoveredContainer {
  record: ContainerRecord;
  /** Running when the previous agent last looked: re-adopt it, or count it as lost. */
  runningSince?: Date;
}

export function recoverContainer(uid: string, status: ContainerStatus): RecoveredContainer {
  const id = (n: number) => `${uid}/${status.name}/${n}`;
  const record: ContainerRecord = { name: status.name ?? '', restartCount: status.restartCount ?? 0, ready: false, started: false };
  const last = status.lastState?.terminated;
  const state = status.state ?? {};
  if (state.running) {
    if (last) record.previous = { id: id(Math.max(0, record.restartCount - 1)), run: exitedRun(last) };
    return { record, runningSince: state.running.startedAt ? new Date(state.running.startedAt) : new Date() };
  }
  if (state.terminated) {
    record.current = { id: id(record.restartCount), run: exitedRun(state.terminated) };
    if (last) record.previous = { id: id(Math.max(0, record.restartCount - 1)), run: exitedRun(last) };
    return { record };
  }
  // Waiting after an exit (back-off): that exit is the current run's end.
  if (last) record.current = { id: id(record.restartCount), run: exitedRun(last) };
  return { record };
}

/** A run the new agent could not take over: Kubernetes reports such a container as Unknown, exit 255. */
export function lostRun(startedAt: Date, now: Date): ExitedRun {
  return { state: 'exited', startedAt, finishedAt: now, exitCode: 255, reason: 'Unknown', message: 'the container was lost when the node agent restarted' };
}

function exitedRun(t: ContainerStateTerminated): ExitedRun {
  const run: ExitedRun = {
    state: 'exited',
    startedAt: new Date(t.startedAt ?? t.finishedAt ?? Date.now()),
    finishedAt: new Date(t.finishedAt ?? Date.now()),
    exitCode: t.exitCode ?? 0,
    reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'),
  };
  if (t.message) run.message = t.message;
  const signal = t.signal ? Object.entries(constants.signals).find(([, n]) => n === t.signal)?.[0] : undefined;
  if (signal) run.signal = signal;
  return run;
}
