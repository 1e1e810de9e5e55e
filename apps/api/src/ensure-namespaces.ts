import { NamespaceKind } from '@wheelhouse/resources';
import type { Store } from '@wheelhouse/db';

/** Namespaces Kubernetes users expect from the first start. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function ensureSystemNamespaces(store: Store): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    if (await store.get(NamespaceKind, undefined, name)) continue;
    await store.create(NamespaceKind, { metadata: { name } }, undefined, { actor: 'system' }).catch((error: { code?: string }) => {
      // Another API replica created it first.
      if (error.code !== 'ALREADY_EXISTS') throw error;
    });
  }
}
