// What a quota's status.used should be from what exists (the resource quota controller's
// recalculation): every object it counts, masked to the resources it limits.
import type { KubeObject } from '../object.js';
import { add, formatList, parseList, ZERO, type Usage } from './resource-list.js';
import { isTerminalPod, matchesScopes, objectUsage } from './usage.js';

export interface CountedKind {
  resource: string;
  group: string;
  objects: readonly KubeObject[];
}

/** status of a quota: hard as in spec, used for every hard resource (0 when nothing counts). */
export function recountQuota(
  spec: { hard?: Record<string, string>; scopes?: string[] },
  kinds: readonly CountedKind[],
): { hard: Record<string, string>; used: Record<string, string> } {
  const hard = parseList(spec.hard);
  let used: Usage = new Map([...hard.keys()].map((r) => [r, ZERO]));
  for (const { resource, group, objects } of kinds) {
    for (const object of objects) {
      // Finished pods hold nothing (Kubernetes' pod evaluator stops counting them).
      if (!group && resource === 'pods' && isTerminalPod(object)) continue;
      if (!matchesScopes(spec.scopes ?? [], resource, group, object)) continue;
      const usage = objectUsage(resource, group, object);
      used = add(used, new Map([...usage].filter(([r]) => hard.has(r))));
    }
  }
  return { hard: formatList(hard), used: formatList(used) };
}

/** The kinds (`count/<resource>[.<group>]` or a legacy name or compute resource) a quota needs counted. */
export function countedResources(hard: Record<string, string>): { resource: string; group: string }[] {
  const out = new Map<string, { resource: string; group: string }>();
  for (const name of Object.keys(hard)) {
    if (name.startsWith('count/')) {
      const [resource, ...group] = name.slice('count/'.length).split('.');
      out.set(name.slice(6), { resource: resource!, group: group.join('.') });
    } else if (['pods', 'services', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims'].includes(name)) {
      out.set(name, { resource: name, group: '' });
    } else if (name.startsWith('services.')) {
      out.set('services', { resource: 'services', group: '' });
    } else if (name === 'requests.storage' || name.endsWith('.storageclass.storage.k8s.io/requests.storage')) {
      out.set('persistentvolumeclaims', { resource: 'persistentvolumeclaims', group: '' });
    } else {
      out.set('pods', { resource: 'pods', group: '' });
    }
  }
  return [...out.values()];
}
