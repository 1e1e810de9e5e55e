// One scheduling cycle per pod, for a batch taken off the queue: each pod is decided
// against the cache as the pods before it left it (their choices assumed at once), so a
// batch never over-commits a node. No I/O: the loop binds the outcome in one call.
import type { SchedulerCache } from './cache.js';
import { schedule, type SchedulerConfig } from './chain.js';
import type { Pod } from '@wheelhouse/model';

export interface BatchDecision<P extends Pod> {
  readonly bindings: { readonly key: string; readonly pod: P; readonly node: string }[];
  readonly unschedulable: { readonly key: string; readonly pod: P; readonly message: string }[];
  /** Where the next cycle starts filtering (kube-scheduler's nextStartNodeIndex). */
  readonly nextStartIndex: number;
}

export function decideBatch<P extends Pod>(pods: readonly { key: string; pod: P }[], cache: SchedulerCache, config: SchedulerConfig, startIndex: number): BatchDecision<P> {
  const bindings: BatchDecision<P>['bindings'] = [];
  const unschedulable: BatchDecision<P>['unschedulable'] = [];
  let start = startIndex;
  for (const { key, pod } of pods) {
    const infos = cache.nodeInfos();
    const result = schedule(pod, infos, config, infos.length > 0 ? start % infos.length : 0);
    if (infos.length > 0) start = (start + result.evaluated) % infos.length;
    if ('unschedulable' in result) {
      unschedulable.push({ key, pod, message: result.message });
      continue;
    }
    cache.assume(key, pod, result.node);
    bindings.push({ key, pod, node: result.node });
  }
  return { bindings, unschedulable, nextStartIndex: start };
}
