import type { KindDef } from './kind.ts';

/** The list query of a kind: `{ metadata { resourceVersion } items { … } }` with selectors (and namespace when namespaced). */
export function listDocument(kind: KindDef, selection = kind.listSelection): string {
  const ns = kind.namespaced ? ', $namespace: String' : '';
  const nsArg = kind.namespaced ? ', namespace: $namespace' : '';
  return `query List${kind.kind}($labelSelector: String, $fieldSelector: String${ns}) {
  list: ${kind.fields.list}(labelSelector: $labelSelector, fieldSelector: $fieldSelector${nsArg}) {
    metadata { resourceVersion }
    items { ${selection} }
  }
}`;
}

/** The watch subscription matching `listDocument`, resumed from a resourceVersion, with bookmarks. */
export function watchDocument(kind: KindDef, selection = kind.listSelection): string {
  const ns = kind.namespaced ? ', $namespace: String' : '';
  const nsArg = kind.namespaced ? ', namespace: $namespace' : '';
  return `subscription Watch${kind.kind}($labelSelector: String, $fieldSelector: String, $resourceVersion: String${ns}) {
  watch: ${kind.fields.watch}(labelSelector: $labelSelector, fieldSelector: $fieldSelector, resourceVersion: $resourceVersion, allowWatchBookmarks: true${nsArg}) {
    type
    object { ${selection} }
  }
}`;
}

/** delete<Kind> with grace period and propagation, as kubectl delete. */
export function deleteDocument(kind: KindDef): string {
  const ns = kind.namespaced ? ', $namespace: String' : '';
  const nsArg = kind.namespaced ? ', namespace: $namespace' : '';
  return `mutation Delete${kind.kind}($name: String!, $gracePeriodSeconds: Int, $propagationPolicy: DeletionPropagation${ns}) {
  result: delete${kind.kind}(name: $name, gracePeriodSeconds: $gracePeriodSeconds, propagationPolicy: $propagationPolicy${nsArg}) { metadata { name } }
}`;
}

/** scale<Kind>(replicas) for kinds that have it. */
export function scaleDocument(kind: KindDef): string | undefined {
  const field = kind.actions?.scale;
  if (!field) return undefined;
  return `mutation Scale${kind.kind}($namespace: String, $name: String!, $replicas: Int!) {
  result: ${field}(namespace: $namespace, name: $name, replicas: $replicas) { metadata { name } }
}`;
}

/** restart/pause/resume mutations of a Deployment (rollout). */
export function rolloutDocument(kind: KindDef, action: 'restart' | 'pause' | 'resume'): string | undefined {
  const field = kind.actions?.[action];
  if (!field) return undefined;
  return `mutation Rollout${kind.kind}${action}($namespace: String, $name: String!) {
  result: ${field}(namespace: $namespace, name: $name) { metadata { name } }
}`;
}
