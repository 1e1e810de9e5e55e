// GetPodFromTemplate: the pod a ReplicaSet creates from its template.
import type { OwnerReference, Pod } from '@wheelhouse/model';
import type { ReplicaSetLike } from './kind.js';

// DNS subdomain names are at most 253 characters; generateName must leave room for the suffix.
const MAX_GENERATE_NAME_PREFIX = 252;

/**
 * Labels, annotations and finalizers come from the template metadata (copied), the spec
 * is the template spec, the name is generated from `<owner>-`, and the owner reference
 * makes the pod the controller's.
 */
export function podFromTemplate(rs: ReplicaSetLike, ownerReference: OwnerReference): Pod {
  const template = rs.spec?.template ?? {};
  const name = rs.metadata.name ?? '';
  const metadata = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${name}-`.length <= MAX_GENERATE_NAME_PREFIX ? `${name}-` : name,
      labels: { ...(metadata.labels ?? {}) },
      annotations: { ...(metadata.annotations ?? {}) },
      ownerReferences: [ownerReference],
    },
    spec: structuredClone(template.spec ?? {}),
  };
  if (rs.metadata.namespace) pod.metadata.namespace = rs.metadata.namespace;
  const finalizers = metadata.finalizers;
  if (Array.isArray(finalizers) && finalizers.length > 0) pod.metadata.finalizers = [...finalizers];
  return pod;
}
