// Binding (kube-scheduler's bind phase): one bindPods call per batch. The cache assumed
// each pod on its node when it was decided, so deciding never waits for this.
import type { Clientset } from '@wheelhouse/client';
import type { Pod } from '@wheelhouse/model';
import type { SchedulerCache } from './cache.js';
import type { EventBatcher } from './event-batcher.js';
import { involvedPod } from './involved.js';
import type { SchedulingQueue } from './queue.js';

export interface Binding {
  key: string;
  pod: Pod;
  node: string;
}

/** One bindPods call; a refused or failed binding forgets its assumption and retries with backoff. */
export function binder(clientset: Clientset, deps: { cache: SchedulerCache; queue: SchedulingQueue; events: EventBatcher; log: (message: string, error?: unknown) => void }) {
  return async (bindings: readonly Binding[]): Promise<void> => {
    if (bindings.length === 0) return;
    const items = bindings.map(({ pod, node }) => ({ namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', nodeName: node, uid: pod.metadata.uid }));
    let errors: ({ code?: string; message?: string } | undefined)[];
    try {
      const results = await clientset.ops.mutate('bindPods', { items }, { select: 'error { code message }' });
      errors = results.map((r) => r.error);
    } catch (error) {
      deps.log(`bind ${bindings.length} pods`, error);
      errors = bindings.map(() => ({ code: 'UNAVAILABLE', message: String(error) }));
    }
    bindings.forEach(({ key, pod, node }, i) => {
      if (errors[i]) {
        // CONFLICT / NOT_FOUND: the pod changed or went; the informer brings the new state.
        deps.cache.forget(key);
        deps.queue.retry(key);
        return;
      }
      deps.queue.scheduled(key);
      deps.events.record(involvedPod(pod), 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`);
    });
  };
}
