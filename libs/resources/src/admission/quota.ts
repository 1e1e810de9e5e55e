// ResourceQuota admission as a pure decision (plugin/pkg/admission/resourcequota):
// which quotas a new object counts against, whether it fits, and their new status.used.
import type { KubeObject } from '../object.js';
import { quantityFromNanos } from '../quantity/index.js';
import { add, formatList, parseList, prettyPrint, type Usage } from './resource-list.js';
import { matchesScopes, missingRequirements, objectUsage } from './usage.js';

export interface QuotaView {
  name: string;
  hard: Record<string, string>;
  scopes: string[];
  /** status.hard: absent until the quota controller has computed usage once. */
  statusHard?: Record<string, string>;
  used: Record<string, string>;
}

export type QuotaDecision = { allowed: true; used: { name: string; used: Record<string, string> }[] } | { allowed: false; message: string };

/** Whether an update uses more of anything a quota could limit (most updates, status ones included, do not). */
export const usageGrows = (resource: string, group: string, object: KubeObject, previous: KubeObject) => growth(resource, group, object, previous).size > 0;

/** What an update adds: the new usage less the old, where it grew (a shrink is the controller's to give back). */
function growth(resource: string, group: string, object: KubeObject, previous: KubeObject): Usage {
  const before = objectUsage(resource, group, previous);
  const after = objectUsage(resource, group, object);
  return new Map([...after].filter(([r, q]) => q.nanos > (before.get(r)?.nanos ?? 0n)).map(([r, q]) => [r, quantityFromNanos(q.nanos - (before.get(r)?.nanos ?? 0n), q.format)]));
}

/**
 * What Kubernetes says, after `<resource> "<name>" is forbidden: `. With `previous` (an
 * update) only what grew is charged, and containers are not asked to state resources again.
 */
export function decideQuota(quotas: readonly QuotaView[], resource: string, group: string, object: KubeObject, previous?: KubeObject): QuotaDecision {
  const delta = previous ? growth(resource, group, object, previous) : objectUsage(resource, group, object);
  if (previous && delta.size === 0) return { allowed: true, used: [] };
  const updates: { name: string; used: Record<string, string> }[] = [];
  for (const quota of [...quotas].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!matchesScopes(quota.scopes, resource, group, object)) continue;
    const hard = parseList(quota.hard);
    const limited = [...hard.keys()];
    if (!previous && !group && resource === 'pods') {
      const missing = missingRequirements(object, limited);
      if (missing.length > 0) return { allowed: false, message: `failed quota: ${quota.name}: must specify ${missing.join('; ')}` };
    }
    const requested = limited.filter((r) => delta.has(r));
    if (requested.length === 0) continue;
    // Until the controller has counted what exists, nothing can be judged against it.
    const unknown = requested.filter((r) => quota.statusHard?.[r] === undefined || quota.used[r] === undefined);
    if (unknown.length > 0) return { allowed: false, message: `status unknown for quota: ${quota.name}, resource: ${unknown.sort().join(',')}` };
    const used = parseList(quota.used);
    const masked: Usage = new Map(requested.map((r) => [r, delta.get(r)!]));
    const next = add(used, masked);
    const failed = requested.filter((r) => next.get(r)!.nanos > hard.get(r)!.nanos);
    if (failed.length > 0) {
      return {
        allowed: false,
        message: `exceeded quota: ${quota.name}, requested: ${prettyPrint(delta, failed)}, used: ${prettyPrint(used, failed)}, limited: ${prettyPrint(hard, failed)}`,
      };
    }
    updates.push({ name: quota.name, used: { ...quota.used, ...formatList(new Map(requested.map((r) => [r, next.get(r)!]))) } });
  }
  return { allowed: true, used: updates };
}
