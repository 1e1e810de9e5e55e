import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validateWorkloadSpec } from '../validation/index.js';
import { defaultReplicationController } from '../defaults/index.js';
import { workloadKindBase } from './workload-kind.js';

/** v1 ReplicationController: a ReplicaSet with a map selector (which may change). */
export const ReplicationControllerKind: KindInfo = {
  ...KIND_CATALOGUE.ReplicationController,
  ...workloadKindBase,
  table: 'replicationcontrollers',
  applyDefaults: (o) => defaultReplicationController(o),
  validate: (o) => validateWorkloadSpec(o.spec as never, { selectorIsMap: true }),
};
