import type { KubeObject } from '../object.js';

/**
 * A namespace with spec.finalizers (the `kubernetes` finalizer by default) turns
 * Terminating and stays until the namespace controller has emptied it and removed
 * the finalizer.
 */
export function beginNamespaceTermination(ns: KubeObject): KubeObject | null {
  const finalizers = ((ns.spec ?? {}) as { finalizers?: string[] }).finalizers ?? [];
  if (finalizers.length === 0) return null;
  return { ...ns, status: { ...(ns.status ?? {}), phase: 'Terminating' } };
}
