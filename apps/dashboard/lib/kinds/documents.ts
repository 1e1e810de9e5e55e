// The GraphQL documents of a kind's list, watch and actions, built from the generated
// operations of the model (the clientset's builder): the API's field and argument names
// and types are never written here, and a field or argument the API lacks throws.
import { operationDocument } from '@wheelhouse/client/clientset/operation-document';
import type { KindDef } from './kind.ts';

const scoped = (kind: KindDef, args: string[]) => (kind.namespaced ? [...args, 'namespace'] : args);

/** The list query: `{ result: pods(…) { metadata { resourceVersion continue } items { … } } }`, with selectors, paging (and namespace when namespaced). */
export function listDocument(kind: KindDef, selection = kind.listSelection): string {
  return operationDocument(
    'query',
    kind.fields.list,
    scoped(kind, ['labelSelector', 'fieldSelector', 'limit', 'continue']),
    `metadata { resourceVersion continue } items { ${selection} }`,
  );
}

/** The watch subscription matching `listDocument`, resumed from a resourceVersion; pass `allowWatchBookmarks: true`. */
export function watchDocument(kind: KindDef, selection = kind.listSelection): string {
  return operationDocument(
    'subscription',
    kind.fields.watch,
    scoped(kind, ['labelSelector', 'fieldSelector', 'resourceVersion', 'allowWatchBookmarks']),
    `type object { ${selection} }`,
  );
}

/** delete<Kind> with grace period and propagation, as kubectl delete. */
export function deleteDocument(kind: KindDef): string {
  return operationDocument('mutation', `delete${kind.kind}`, scoped(kind, ['name', 'gracePeriodSeconds', 'propagationPolicy']), 'metadata { name }');
}

/** scale<Kind>(replicas) for kinds that have it. */
export function scaleDocument(kind: KindDef): string | undefined {
  const field = kind.actions?.scale;
  return field ? operationDocument('mutation', field, scoped(kind, ['name', 'replicas']), 'metadata { name }') : undefined;
}

/** restart/pause/resume mutations of a Deployment (rollout). */
export function rolloutDocument(kind: KindDef, action: 'restart' | 'pause' | 'resume'): string | undefined {
  const field = kind.actions?.[action];
  return field ? operationDocument('mutation', field, scoped(kind, ['name']), 'metadata { name }') : undefined;
}

/** patch<Kind>(name, patch) setting spec.suspend (CronJob suspend/resume). */
export function suspendDocument(kind: KindDef): string | undefined {
  const field = kind.actions?.suspend;
  return field ? operationDocument('mutation', field, scoped(kind, ['name', 'patch']), 'metadata { name } spec { suspend }') : undefined;
}

/** create<Job>(input) in the object's namespace (CronJob "trigger now"). */
export function triggerDocument(kind: KindDef): string | undefined {
  const field = kind.actions?.trigger;
  return field ? operationDocument('mutation', field, scoped(kind, ['input']), 'metadata { name namespace }') : undefined;
}
