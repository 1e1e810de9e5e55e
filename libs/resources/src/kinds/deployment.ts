import type { KindInfo } from './kind-info.js';
import { validateDeploymentSpec, validateSelectorImmutable } from '../validation/index.js';
import { defaultDeployment } from '../defaults/index.js';
import { workloadKindBase } from './workload-kind.js';

export const DeploymentKind: KindInfo = {
  ...workloadKindBase,
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  singular: 'deployment',
  plural: 'deployments',
  shortNames: ['deploy'],
  table: 'deployments',
  applyDefaults: (o) => defaultDeployment(o),
  validate: (o) => validateDeploymentSpec(o.spec as never),
  validateUpdate: (next, prev) => validateSelectorImmutable(next as never, prev as never),
};
