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
