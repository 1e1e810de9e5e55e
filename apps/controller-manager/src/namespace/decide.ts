/**
 * The namespace controller's decision for a terminating namespace: delete what is
 * left in it, and once it is empty remove the `kubernetes` finalizer, which lets the
 * API remove the namespace. Pure; the controller lists and acts.
 */
export interface NamespacedRef {
  kind: string;
  name: string;
  deleting: boolean;
}

export type NamespaceAction = { type: 'deleteContent'; objects: NamespacedRef[] } | { type: 'waitForContent'; remaining: number } | { type: 'finalize' } | { type: 'none' };

export const NAMESPACE_FINALIZER = 'kubernetes';

export function decideNamespace(namespace: { terminating: boolean; specFinalizers: string[] }, content: NamespacedRef[]): NamespaceAction {
  if (!namespace.terminating || !namespace.specFinalizers.includes(NAMESPACE_FINALIZER)) return { type: 'none' };
  const toDelete = content.filter((o) => !o.deleting);
  if (toDelete.length > 0) return { type: 'deleteContent', objects: toDelete };
  if (content.length > 0) return { type: 'waitForContent', remaining: content.length };
  return { type: 'finalize' };
}
