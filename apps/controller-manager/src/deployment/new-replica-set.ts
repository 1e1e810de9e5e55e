// The ReplicaSet a Deployment creates for its current template (getNewReplicaSet in sync.go).
import { newControllerRef } from '../common/owner-references.js';
import type { Deployment, LabelSelector, ReplicaSet } from '@wheelhouse/model';
import { POD_TEMPLATE_HASH_LABEL } from './annotations.js';
import { podTemplateHash } from './pod-template-hash.js';
import { newReplicaSetAnnotations } from './replica-set-annotations.js';
import { newRSNewReplicas } from './rolling-update.js';
import { minReadySecondsOf } from './spec.js';

/** What a Deployment's ownerReferences name. */
export const DEPLOYMENT_KIND = { apiVersion: 'apps/v1', kind: 'Deployment' } as const;

/**
 * Named `<deployment>-<pod-template-hash>` so a retried create is idempotent; template
 * labels and selector gain the hash so sibling ReplicaSets never share pods; owned by
 * the Deployment; sized by the rollout strategy against the old ReplicaSets; annotated
 * with `revision` and the desired/max replicas.
 */
export function buildNewReplicaSet(d: Deployment, oldRSs: readonly ReplicaSet[], revision: number): ReplicaSet {
  const template = structuredClone(d.spec?.template ?? {});
  const hash = podTemplateHash(template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector: LabelSelector = {
    ...structuredClone(d.spec?.selector ?? {}),
    matchLabels: { ...(d.spec?.selector?.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
  };
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d, DEPLOYMENT_KIND)],
      labels,
    },
    spec: {
      replicas: 0,
      minReadySeconds: minReadySecondsOf(d),
      selector,
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  const sized: ReplicaSet = { ...draft, spec: { ...draft.spec, replicas } };
  const { annotations } = newReplicaSetAnnotations(d, sized, revision, false);
  return { ...sized, metadata: { ...sized.metadata, annotations } };
}
