// What a pod needs next (the kubelet's computePodActions), from what runs now. Pure:
// the pod worker executes the actions and asks again after every change.
import type { ContainerRecord, ExitedRun } from '../status/container-record.js';
import type { PodSpec } from '@wheelhouse/model';
import { formatDuration, inBackoff, nextBackoff, type BackoffEntry, type BackoffPolicy } from './backoff.js';

export type PodAction =
  | { type: 'createSandbox' }
  | { type: 'start'; container: string; init: boolean; restartCount: number; backoff?: BackoffEntry }
  /** Wait for the back-off, shown as CrashLoopBackOff, then ask again at `until`. */
  | { type: 'backoff'; container: string; until: number; message: string };

export interface DecideInput {
  spec: PodSpec;
  pod: { name: string; namespace: string; uid: string };
  hasSandbox: boolean;
  records: ReadonlyMap<string, ContainerRecord>;
  backoff: ReadonlyMap<string, BackoffEntry>;
  now: number;
  policy: BackoffPolicy;
  /** Containers stopped because their definition (image) changed: started again whatever the restart policy. */
  mustRestart?: ReadonlySet<string>;
}

export interface Decision {
  actions: PodAction[];
  /** Nothing runs and nothing will be started again: the pod is done (Succeeded or Failed). */
  finished: boolean;
}

export function decide(input: DecideInput): Decision {
  if (!input.hasSandbox) return { actions: [{ type: 'createSandbox' }], finished: false };
  const restartPolicy = input.spec.restartPolicy ?? 'Always';

  // Init containers: one at a time, in order, each to success.
  for (const c of input.spec.initContainers ?? []) {
    const name = c.name ?? '';
    const record = input.records.get(name);
    const run = record?.current?.run;
    if (!record || !run) return { actions: [start(name, true, 0)], finished: false };
    if (run.state === 'running') return { actions: [], finished: false };
    if (run.exitCode === 0) continue;
    // A failed init container fails the pod under Never; otherwise it is retried.
    if (restartPolicy === 'Never') return { actions: [], finished: true };
    return { actions: [restartOrWait(input, record, run, true)], finished: false };
  }

  const actions: PodAction[] = [];
  let alive = 0;
  for (const c of input.spec.containers ?? []) {
    const name = c.name ?? '';
    const record = input.records.get(name);
    const run = record?.current?.run;
    if (!record || !run) {
      actions.push(start(name, false, 0));
      alive++;
      continue;
    }
    if (run.state === 'running') {
      alive++;
      continue;
    }
    const restart = input.mustRestart?.has(name) || restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && run.exitCode !== 0);
    if (!restart) continue;
    alive++;
    actions.push(restartOrWait(input, record, run, false));
  }
  return { actions, finished: alive === 0 };
}

function start(container: string, init: boolean, restartCount: number, backoff?: BackoffEntry): PodAction {
  return backoff ? { type: 'start', container, init, restartCount, backoff } : { type: 'start', container, init, restartCount };
}

function restartOrWait(input: DecideInput, record: ContainerRecord, run: ExitedRun, init: boolean): PodAction {
  const entry = input.backoff.get(record.name);
  const finishedAt = run.finishedAt.getTime();
  if (inBackoff(entry, finishedAt, input.now, input.policy)) {
    const { name, namespace, uid } = input.pod;
    return {
      type: 'backoff',
      container: record.name,
      until: finishedAt + entry!.delayMs,
      message: `back-off ${formatDuration(entry!.delayMs)} restarting failed container=${record.name} pod=${name}_${namespace}(${uid})`,
    };
  }
  return start(record.name, init, record.restartCount + 1, nextBackoff(entry, finishedAt, input.policy));
}
