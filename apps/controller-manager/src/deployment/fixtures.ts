// Test builders mirroring Kubernetes' deployment controller test helpers (newDeployment,
// rs, newRSWithStatus), so its test vectors read the same here.
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import type { IntOrString } from '../common/vocabulary.js';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './annotations.js';
import { MAX_INT32 } from './spec.js';

export const T0 = '2016-05-20T00:00:00Z';
export const T1 = '2016-05-20T01:00:00Z';
export const T2 = '2016-05-20T02:00:00Z';

/**
 * A RollingUpdate Deployment with maxSurge/maxUnavailable 0 unless given (resolving to
 * 0/1), and — like the Go test objects, which skip API defaulting — no progress deadline
 * and no revision history limit unless set.
 */
export function newDeployment(
  name: string,
  replicas: number,
  options: { revisionHistoryLimit?: number; maxSurge?: IntOrString; maxUnavailable?: IntOrString; selector?: Record<string, string> } = {},
): Deployment {
  const selector = options.selector ?? { foo: 'bar' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations: {} },
    spec: {
      replicas,
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: options.maxSurge ?? 0, maxUnavailable: options.maxUnavailable ?? 0 } },
      template: { metadata: { labels: { ...selector } }, spec: { containers: [{ name: 'app', image: 'foo/bar' }] } },
      revisionHistoryLimit: options.revisionHistoryLimit ?? MAX_INT32,
      progressDeadlineSeconds: MAX_INT32,
    },
  };
}

/** A bare ReplicaSet of `replicas` (spec and status), created at `timestamp`. */
export function rs(name: string, replicas: number, timestamp?: string, available = 0): ReplicaSet {
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: timestamp },
    spec: { replicas, selector: { matchLabels: {} }, template: {} },
    status: { replicas, availableReplicas: available },
  };
}

/** A ReplicaSet with separate spec and status replica counts. */
export function rsWithStatus(name: string, specReplicas: number, statusReplicas: number): ReplicaSet {
  return { ...rs(name, specReplicas), status: { replicas: statusReplicas } };
}

/** `rs` carrying the desired/max annotations a scale for `d` would have written. */
export function withReplicaAnnotations(replicaSet: ReplicaSet, desired: number, max: number): ReplicaSet {
  const annotations = { ...(replicaSet.metadata.annotations ?? {}), [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) };
  return { ...replicaSet, metadata: { ...replicaSet.metadata, annotations } };
}
