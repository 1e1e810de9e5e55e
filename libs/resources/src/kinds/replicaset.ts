import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateSelectorImmutable, validateWorkloadSpec } from '../validation/index.js';
import { defaultReplicaSet } from '../defaults/index.js';
import { workloadKindBase } from './workload-kind.js';

export const ReplicaSetKind: KindInfo = {
  ...KIND_CATALOGUE.ReplicaSet,
  ...workloadKindBase,
  table: 'replicasets',
  applyDefaults: (o) => defaultReplicaSet(o),
  validate: (o) => validateWorkloadSpec(o.spec as never, { selectorIsMap: false }),
  validateUpdate: (next, prev) => validateSelectorImmutable(next as never, prev as never),
};

export type ReplicaSet = KubeObject;
