// env[].valueFrom.fieldRef: the downward API fields Kubernetes lets an env var read
// (kubelet's podFieldSelectorRuntimeValue + fieldpath.ExtractFieldPathAsString).
import type { EnvPod, EnvRuntimeValues } from './types.js';

/** `metadata.labels['app']` → ['metadata.labels', 'app']. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const open = fieldPath.indexOf("['");
  if (open <= 0) return undefined;
  return [fieldPath.slice(0, open), fieldPath.slice(open + 2, -2)];
}

/** The value of one supported pod field; throws on anything else, as the kubelet does. */
export function resolveFieldRef(fieldPath: string, pod: EnvPod, values: EnvRuntimeValues): string {
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    const [base, key] = subscripted;
    if (base === 'metadata.labels') return pod.metadata.labels?.[key] ?? '';
    if (base === 'metadata.annotations') return pod.metadata.annotations?.[key] ?? '';
    throw new Error(`fieldPath ${JSON.stringify(fieldPath)} does not support subscript`);
  }
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return values.nodeName;
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return values.podIP;
    case 'status.podIPs':
      return (values.podIPs ?? (values.podIP ? [values.podIP] : [])).join(',');
    case 'status.hostIP':
      return values.hostIP;
    case 'status.hostIPs':
      return (values.hostIPs ?? (values.hostIP ? [values.hostIP] : [])).join(',');
    default:
      throw new Error(`unsupported fieldPath: ${fieldPath}`);
  }
}
