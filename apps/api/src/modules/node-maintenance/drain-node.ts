import { parseFieldSelector, parseSelector, SelectorParseError, type Selector } from '@wheelhouse/selectors';
import { ApiError, NodeKind, PodKind, notFound, type KubeObject } from '@wheelhouse/resources';
import type { Store, WriteOptions } from '@wheelhouse/db';
import { planDrain, type DrainablePod, type DrainOptions } from './drain-filter.js';
import { evictPod } from './evict-pod.js';
import type { DrainPod, DrainResult } from './drain.type.js';

export interface DrainNodeOptions extends DrainOptions {
  gracePeriodSeconds?: number;
  /** kubectl drain --pod-selector: only pods with these labels are drained. */
  podSelector?: string;
}

/**
 * kubectl drain on the server: cordon the node, then evict every pod the drain filters
 * allow, unless some pod is refused (then nothing is evicted and the node stays
 * cordoned, as with kubectl). Pods whose disruption budget refuses the eviction now are
 * returned as `blocked`, for the caller to retry (kubectl drain retries every 5s). It does
 * not wait for the pods to be gone: callers that want to watch
 * `pods(fieldSelector: "spec.nodeName=<node>")`.
 */
export async function drainNode(store: Store, name: string, options: DrainNodeOptions, write: WriteOptions): Promise<DrainResult> {
  // A bad selector fails before anything is written.
  const labelSelector = options.podSelector ? parsePodSelector(options.podSelector) : undefined;
  let node = await store.get(NodeKind, undefined, name);
  if (!node) throw notFound('Node', name);
  const cordoned = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable !== true;
  if (cordoned) node = await store.patch(NodeKind, undefined, name, { spec: { unschedulable: true } }, 'main', write);

  const pods = (await store.list(PodKind, { fieldSelector: parseFieldSelector(`spec.nodeName=${name}`), labelSelector })).items;
  const plan = planDrain(pods as DrainablePod[], options);
  const ref = (pod: DrainablePod, reason?: string): DrainPod => ({ namespace: pod.metadata.namespace!, name: pod.metadata.name!, ...(reason ? { reason } : {}) });
  const errors = [...plan.errors];
  const evicted: DrainPod[] = [];
  const blocked: DrainPod[] = [];
  for (const pod of plan.toEvict) {
    try {
      await evictPod(store, pod.metadata.namespace!, pod.metadata.name!, { gracePeriodSeconds: options.gracePeriodSeconds }, write);
      evicted.push(ref(pod));
    } catch (error) {
      // Gone already is what an eviction wanted.
      if (error instanceof ApiError && error.code === 'NOT_FOUND') evicted.push(ref(pod));
      // A disruption budget said not now (429): the caller retries, as kubectl drain does.
      else if (error instanceof ApiError && error.code === 'TOO_MANY_REQUESTS') blocked.push(ref(pod, error.message));
      else errors.push(`error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": ${(error as Error).message}`);
    }
  }
  return {
    node: node as KubeObject,
    cordoned,
    evicted,
    blocked,
    skipped: plan.verdicts.filter((v) => v.verdict.action === 'skip').map((v) => ref(v.pod, v.verdict.action === 'skip' ? v.verdict.warning : undefined)),
    refused: plan.verdicts.filter((v) => v.verdict.action === 'refuse').map((v) => ref(v.pod, v.verdict.action === 'refuse' ? v.verdict.reason : undefined)),
    warnings: plan.warnings,
    errors,
  };
}

function parsePodSelector(selector: string): Selector {
  try {
    return parseSelector(selector);
  } catch (error) {
    if (error instanceof SelectorParseError) throw new ApiError('BAD_USER_INPUT', `podSelector: Invalid value: ${error.message}`, 'podSelector');
    throw error;
  }
}
