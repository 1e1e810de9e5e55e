import { KIND_LIST, type KindIdentity, type KindName } from '@wheelhouse/model';

/**
 * Kinds the collector leaves alone, as kube-controller-manager's default
 * --ignored-resources: Events never own anything, and there are too many to watch.
 */
export const IGNORED_KINDS: ReadonlySet<string> = new Set(['Event']);

/**
 * Every kind the collector watches: each kind of the catalogue (all carry
 * metadata.ownerReferences), so a new kind is collected without a line here.
 */
export function collectedKinds(catalogue: readonly KindIdentity[] = KIND_LIST): KindName[] {
  return catalogue.filter((k) => !IGNORED_KINDS.has(k.kind)).map((k) => k.kind as KindName);
}

/**
 * Kinds whose payload the collector must not hold (Secret data) or need not (ConfigMap
 * data): it watches only their metadata, as Kubernetes' collector does through metadata
 * informers. Other kinds share the full informers the controllers use.
 */
const PAYLOAD_KINDS: ReadonlySet<string> = new Set(['Secret', 'ConfigMap']);

/** The metadata the collector reads (the informer adds name, namespace, uid, labels, ownerReferences). */
export const GC_METADATA = 'metadata { finalizers deletionTimestamp ownerReferences { blockOwnerDeletion } }';

/** The informer scope the collector watches a kind in: metadata only for payload kinds. */
export function collectorScope(kind: string): { select?: string } {
  return PAYLOAD_KINDS.has(kind) ? { select: GC_METADATA } : {};
}
