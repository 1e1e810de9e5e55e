import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateNodeSpec, validateNodeStatus, validateNodeUpdate } from '../validation/index.js';
import { defaultNode } from '../defaults/index.js';

const spec = (o: KubeObject) => (o.spec ?? {}) as { unschedulable?: boolean };

export const NodeKind: KindInfo = {
  ...KIND_CATALOGUE.Node,
  table: 'nodes',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  keepStatusOnCreate: true,
  columns: (o) => ({ unschedulable: spec(o).unschedulable === true }),
  selectableFields: (o) => ({ 'spec.unschedulable': String(spec(o).unschedulable === true) }),
  fieldColumns: { 'spec.unschedulable': `("unschedulable"::text)` },
  applyDefaults: (o) => defaultNode(o),
  validate: (o) => [...validateNodeSpec(o.spec ?? {}, 'spec'), ...validateNodeStatus(o.status ?? {}, 'status')],
  validateUpdate: (next, prev) => validateNodeUpdate(next, prev),
};
