// LimitRanger admission as pure functions (plugin/pkg/admission/limitranger): container
// defaults first (default → limits, defaultRequest → requests, and a limit with no
// request gets the limit as request), then min, max and ratio for Containers and Pods.
import type { KubeObject } from '../object.js';
import { formatQuantity, type Quantity } from '../quantity/index.js';
import { addTo, parseList, type Usage } from './resource-list.js';

export interface LimitRangeItem {
  type?: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
type Container = { name?: string; resources?: Resources };

const allContainers = (pod: KubeObject) => [...((pod.spec?.initContainers as Container[]) ?? []), ...((pod.spec?.containers as Container[]) ?? [])];

/** The pod with every container's missing requests and limits filled from the Container items (a copy). */
export function applyLimitRangeDefaults(pod: KubeObject, items: readonly LimitRangeItem[]): KubeObject {
  const containerItems = items.filter((i) => i.type === 'Container');
  if (containerItems.length === 0) return pod;
  const copy = structuredClone(pod);
  for (const c of allContainers(copy)) {
    const limits = { ...(c.resources?.limits ?? {}) };
    const requests = { ...(c.resources?.requests ?? {}) };
    for (const item of containerItems) {
      for (const [r, v] of Object.entries(item.default ?? {})) limits[r] ??= v;
      for (const [r, v] of Object.entries(item.defaultRequest ?? {})) requests[r] ??= v;
    }
    // Kubernetes defaults a missing request to the limit (here: after LimitRange defaults).
    for (const [r, v] of Object.entries(limits)) requests[r] ??= v;
    c.resources = { ...c.resources, ...(Object.keys(limits).length ? { limits } : {}), ...(Object.keys(requests).length ? { requests } : {}) };
  }
  return copy;
}

const q = (x: Quantity) => formatQuantity(x);

function checkBounds(kind: 'Container' | 'Pod', item: LimitRangeItem, requests: Usage, limits: Usage, errors: string[]): void {
  for (const [r, min] of parseList(item.min)) {
    const req = requests.get(r);
    const lim = limits.get(r);
    if (!req) errors.push(`minimum ${r} usage per ${kind} is ${q(min)}.  No request is specified`);
    else if (req.nanos < min.nanos) errors.push(`minimum ${r} usage per ${kind} is ${q(min)}, but request is ${q(req)}`);
    if (lim && lim.nanos < min.nanos) errors.push(`minimum ${r} usage per ${kind} is ${q(min)}, but limit is ${q(lim)}`);
  }
  for (const [r, max] of parseList(item.max)) {
    const req = requests.get(r);
    const lim = limits.get(r);
    if (!lim) errors.push(`maximum ${r} usage per ${kind} is ${q(max)}.  No limit is specified`);
    else if (lim.nanos > max.nanos) errors.push(`maximum ${r} usage per ${kind} is ${q(max)}, but limit is ${q(lim)}`);
    if (req && req.nanos > max.nanos) errors.push(`maximum ${r} usage per ${kind} is ${q(max)}, but request is ${q(req)}`);
  }
  for (const [r, ratio] of parseList(item.maxLimitRequestRatio)) {
    const req = requests.get(r);
    const lim = limits.get(r);
    if (!lim) errors.push(`${r} max limit to request ratio per ${kind} is ${q(ratio)}, but no limit is specified`);
    else if (!req || req.nanos === 0n) errors.push(`${r} max limit to request ratio per ${kind} is ${q(ratio)}, but no request is specified or request is 0`);
    else {
      const actual = Number(lim.nanos) / Number(req.nanos);
      if (actual > ratio.value) errors.push(`${r} max limit to request ratio per ${kind} is ${q(ratio)}, but provided ratio is ${actual.toFixed(6)}`);
    }
  }
}

/** Every violation of the LimitRanges' Container and Pod items, in Kubernetes' words (empty: allowed). */
export function limitRangeViolations(pod: KubeObject, items: readonly LimitRangeItem[]): string[] {
  const errors: string[] = [];
  const podRequests: Usage = new Map();
  const podLimits: Usage = new Map();
  for (const c of allContainers(pod)) {
    const requests = parseList(c.resources?.requests);
    const limits = parseList(c.resources?.limits);
    for (const item of items) if (item.type === 'Container') checkBounds('Container', item, requests, limits, errors);
    for (const [r, v] of requests) addTo(podRequests, r, v);
    for (const [r, v] of limits) addTo(podLimits, r, v);
  }
  for (const item of items) if (item.type === 'Pod') checkBounds('Pod', item, podRequests, podLimits, errors);
  return errors;
}
