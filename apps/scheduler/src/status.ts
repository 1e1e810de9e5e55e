// PodScheduled=False for the pods no node fits (kube-scheduler's updatePod in its
// failure handler): the condition as a pure function, and its writer.
import { isConflict, isNotFound, type Clientset, type StatusPatch } from '@wheelhouse/client';
import type { Condition, Pod } from '@wheelhouse/model';
import type { EventBatcher } from './event-batcher.js';
import { involvedPod } from './involved.js';
import type { SchedulingQueue } from './queue.js';

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Merge patches replace arrays: the full conditions list with PodScheduled set; undefined when unchanged. */
export function withPodScheduled(pod: Pod, condition: { status: string; reason?: string; message?: string }, now: Date): Condition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  const old = conditions.find((c) => c.type === 'PodScheduled');
  if (old && old.status === condition.status && old.reason === condition.reason && old.message === condition.message) return undefined;
  const next: Condition = {
    type: 'PodScheduled',
    status: condition.status,
    ...(condition.reason ? { reason: condition.reason } : {}),
    ...(condition.message ? { message: condition.message } : {}),
    lastTransitionTime: old && old.status === condition.status && old.lastTransitionTime ? old.lastTransitionTime : stamp(now),
  };
  return [...conditions.filter((c) => c.type !== 'PodScheduled'), next];
}

export interface Unschedulable {
  key: string;
  pod: Pod;
  /** Why no node fits (unschedulableMessage). */
  message: string;
}

/**
 * Marks what the batch could not place: back in the queue with backoff, a FailedScheduling
 * event, and PodScheduled=False for all of them in one patchPodsStatus (one by one if that
 * batch is refused).
 */
export function unschedulableMarker(
  clientset: Clientset,
  deps: { queue: SchedulingQueue; events: EventBatcher; now: () => Date; log: (message: string, error?: unknown) => void },
) {
  return async (pods: readonly Unschedulable[]): Promise<void> => {
    const patches: StatusPatch[] = [];
    for (const { key, pod, message } of pods) {
      deps.queue.unschedulable(key);
      deps.events.record(involvedPod(pod), 'Warning', 'FailedScheduling', message);
      const conditions = withPodScheduled(pod, { status: 'False', reason: 'Unschedulable', message }, deps.now());
      if (conditions) patches.push({ namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', patch: { status: { conditions } } });
    }
    if (patches.length === 0) return;
    try {
      await clientset.pods.patchManyStatus(patches, { select: 'metadata { name }' });
    } catch {
      // All or nothing: a pod deleted meanwhile fails the batch; the rest go one by one.
      await Promise.all(
        patches.map((p) =>
          clientset.pods.patchStatus(p, p.patch, { select: 'metadata { resourceVersion }' }).catch((e) => {
            if (!isNotFound(e) && !isConflict(e)) deps.log(`PodScheduled ${p.namespace}/${p.name}`, e);
          }),
        ),
      );
    }
  };
}
