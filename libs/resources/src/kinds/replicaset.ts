import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateSelectorImmutable, validateWorkloadSpec } from '../validation/index.js';
import { defaultReplicaSet } from '../defaults/index.js';
import { workloadKindBase } from './workload-kind.js';

export const ReplicaSetKind: KindInfo = {
  ...workloadKindBase,
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  singular: 'replicaSet',
  plural: 'replicaSets',
  shortNames: ['rs', 'replicaset', 'replicasets'],
  table: 'replicasets',
  applyDefaults: (o) => defaultReplicaSet(o),
  validate: (o) => validateWorkloadSpec(o.spec as never, { selectorIsMap: false }),
  validateUpdate: (next, prev) => validateSelectorImmutable(next as never, prev as never),
};

export type ReplicaSet = KubeObject;
