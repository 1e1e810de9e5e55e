import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from '@wheelhouse/resources';
import type { Job, Pod } from './types.js';

export const finalizersOf = (pod: Pod) => (pod.metadata.finalizers as string[] | undefined) ?? [];
export const hasTrackingFinalizer = (pod: Pod) => finalizersOf(pod).includes(JOB_TRACKING_FINALIZER);
export const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** podReplacementPolicy Failed: a terminating pod is replaced (and counted) only once it has failed. */
export const onlyReplaceFailed = (job: Job) => job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy !== undefined;

/**
 * isPodFailed: the Failed phase, or (unless only failed pods are replaced) a pod deleted
 * before it succeeded, since an orphan being deleted may never reach Failed.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailed(job)) return false;
  return pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null && pod.status?.phase !== 'Succeeded';
}

/** A pod the Job still waits on: not terminal and not being deleted. */
export const isActive = (pod: Pod) => !isTerminal(pod) && !pod.metadata.deletionTimestamp;

/** The completion index of an Indexed Job's pod (annotation, else label), or undefined when absent or malformed. */
export function completionIndex(pod: Pod): number | undefined {
  const text = pod.metadata.annotations?.[JOB_COMPLETION_INDEX] ?? pod.metadata.labels?.[JOB_COMPLETION_INDEX];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

interface Terminated {
  exitCode?: number;
  finishedAt?: string;
}
type StatusWithState = { name?: string; state?: { terminated?: Terminated } };

/** The terminated state of each container, with its name (for podFailurePolicy rules). */
export function terminatedContainers(pod: Pod): { name: string; exitCode: number; init: boolean }[] {
  const out: { name: string; exitCode: number; init: boolean }[] = [];
  const collect = (list: unknown, init: boolean) => {
    for (const s of (list ?? []) as StatusWithState[]) {
      const t = s.state?.terminated;
      if (t && typeof t.exitCode === 'number') out.push({ name: s.name ?? '', exitCode: t.exitCode, init });
    }
  };
  collect(pod.status?.initContainerStatuses, true);
  collect(pod.status?.containerStatuses, false);
  return out;
}

/** getFinishedTime: the last container's finishedAt, else the deletion time; undefined when unknown. */
export function finishedTime(pod: Pod): number | undefined {
  let last: number | undefined;
  for (const s of [...((pod.status?.containerStatuses ?? []) as StatusWithState[])]) {
    const at = s.state?.terminated?.finishedAt ? Date.parse(s.state.terminated.finishedAt) : Number.NaN;
    if (!Number.isNaN(at)) last = Math.max(last ?? at, at);
  }
  if (last !== undefined) return last;
  const deleted = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : Number.NaN;
  return Number.isNaN(deleted) ? undefined : deleted;
}
