import type { Clientset } from '@wheelhouse/client';
import type { EventRecorder } from '@wheelhouse/controller-runtime';
import type { ProxyState } from './state.js';
import type { IngressObject } from './types.js';

/**
 * Writes what the cluster should see of the proxy: status.loadBalancer on every served
 * Ingress, and one Warning event per distinct problem (a missing Service or Secret).
 */
export function createReporter(cs: Clientset, recorder: EventRecorder, address: string, log: (message: string, error?: unknown) => void) {
  const warned = new Set<string>();
  const writing = new Set<string>();
  const published = (i: IngressObject) => {
    const ingress = i.status?.loadBalancer?.ingress ?? [];
    return ingress.length === 1 && ingress[0]!.ip === address && !ingress[0]!.hostname;
  };
  return function report(state: ProxyState): void {
    for (const ingress of state.served) {
      const key = `${ingress.metadata.namespace}/${ingress.metadata.name}`;
      if (published(ingress) || writing.has(key)) continue;
      writing.add(key);
      cs.ingresses
        .patchStatus({ namespace: ingress.metadata.namespace, name: ingress.metadata.name }, { status: { loadBalancer: { ingress: [{ ip: address }] } } })
        .catch((error: unknown) => log(`status of ingress ${key}`, error))
        .finally(() => writing.delete(key));
    }
    for (const p of state.problems) {
      const key = `${p.ingress.metadata.uid}/${p.reason}/${p.message}`;
      if (warned.has(key) || !p.ingress.metadata.uid) continue;
      warned.add(key);
      void recorder.record(
        { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: p.ingress.metadata.namespace, name: p.ingress.metadata.name, uid: p.ingress.metadata.uid },
        'Warning',
        p.reason,
        p.message,
      );
    }
  };
}
