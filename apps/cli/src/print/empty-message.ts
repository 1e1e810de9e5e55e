import type { KindInfo } from '@wheelhouse/resources';

/** kubectl's stderr line for an empty listing; `namespace` is undefined with -A. */
export function emptyMessage(kinds: KindInfo[], namespace: string | undefined): string {
  if (namespace === undefined || !kinds.every((k) => k.namespaced)) return 'No resources found';
  return `No resources found in ${namespace} namespace.`;
}
