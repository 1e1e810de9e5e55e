// Kubernetes' effective pod request (k8s.io/component-helpers resource.PodRequests):
// max(largest init container, sum of app containers) + overhead, with restartable init
// containers (sidecars) adding to both sides.
import { quantityToBytes, quantityToMillis } from '@wheelhouse/resources';
import type { Container, Pod } from '@wheelhouse/model';
import type { ResourceList } from './types.js';

/** CPU in millicores and memory in bytes. */
export interface Resources {
  readonly milliCPU: number;
  readonly memory: number;
}

export const ZERO: Resources = Object.freeze({ milliCPU: 0, memory: 0 });

/** What scoring assumes for a container that requests no CPU (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** What scoring assumes for a container that requests no memory (schedutil.DefaultMemoryRequest, 200Mi). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const add = (a: Resources, b: Resources): Resources => ({ milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory });
const max = (a: Resources, b: Resources): Resources => ({
  milliCPU: Math.max(a.milliCPU, b.milliCPU),
  memory: Math.max(a.memory, b.memory),
});

function fromList(list: ResourceList | null | undefined, nonZero: boolean): Resources {
  const cpu = list?.cpu;
  const memory = list?.memory;
  const milliCPU = cpu === undefined ? (nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0) : Number(quantityToMillis(cpu) ?? 0n);
  const bytes = memory === undefined ? (nonZero ? DEFAULT_MEMORY_REQUEST : 0) : Number(quantityToBytes(memory) ?? 0n);
  return { milliCPU, memory: bytes };
}

const containerRequests = (c: Container, nonZero: boolean) => fromList(c.resources?.requests, nonZero);

/**
 * The pod's request. With `nonZero`, containers missing a cpu or memory request count
 * the scheduler defaults (100m, 200Mi) — what the scoring plugins use.
 */
export function podRequests(pod: Pod, nonZero = false): Resources {
  // Plugins ask for every node of every cycle; pods are immutable values, so one parse each.
  const memo = nonZero ? nonZeroMemo : exactMemo;
  let requests = memo.get(pod);
  if (!requests) {
    requests = computePodRequests(pod, nonZero);
    memo.set(pod, requests);
  }
  return requests;
}

const exactMemo = new WeakMap<Pod, Resources>();
const nonZeroMemo = new WeakMap<Pod, Resources>();

function computePodRequests(pod: Pod, nonZero: boolean): Resources {
  let requests = ZERO;
  for (const container of pod.spec?.containers ?? []) requests = add(requests, containerRequests(container, nonZero));
  let sidecars = ZERO;
  let init = ZERO;
  for (const container of pod.spec?.initContainers ?? []) {
    let effective: Resources;
    if (container.restartPolicy === 'Always') {
      const own = containerRequests(container, nonZero);
      requests = add(requests, own);
      sidecars = add(sidecars, own);
      effective = sidecars;
    } else {
      effective = add(containerRequests(container, nonZero), sidecars);
    }
    init = max(init, effective);
  }
  requests = max(requests, init);
  return add(requests, fromList(pod.spec?.overhead, false));
}

export { add as addResources };
