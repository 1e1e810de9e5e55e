import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validateDeploymentSpec, validateSelectorImmutable } from '../validation/index.js';
import { defaultDeployment } from '../defaults/index.js';
import { workloadKindBase } from './workload-kind.js';

export const DeploymentKind: KindInfo = {
  ...KIND_CATALOGUE.Deployment,
  ...workloadKindBase,
  table: 'deployments',
  applyDefaults: (o) => defaultDeployment(o),
  validate: (o) => validateDeploymentSpec(o.spec as never),
  validateUpdate: (next, prev) => validateSelectorImmutable(next as never, prev as never),
};
