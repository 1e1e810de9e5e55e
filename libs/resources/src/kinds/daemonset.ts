import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { defaultDaemonSet, keepDaemonSetTemplateGeneration } from '../apps/daemonset-defaults.js';
import { validateDaemonSet, validateDaemonSetUpdate } from '../apps/daemonset-validation.js';
import type { DaemonSetLike } from '../apps/daemonset-types.js';

/** apps/v1 DaemonSet: one pod per eligible node, run by the DaemonSet controller. */
export const DaemonSetKind: KindInfo = {
  ...KIND_CATALOGUE.DaemonSet,
  table: 'daemonsets',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultDaemonSet(o as DaemonSetLike) as KubeObject,
  validate: (o) => validateDaemonSet(o as DaemonSetLike),
  validateUpdate: (next, prev) => validateDaemonSetUpdate(next as DaemonSetLike, prev as DaemonSetLike),
  keepOnUpdate: (next, current) => keepDaemonSetTemplateGeneration(next as DaemonSetLike, current as DaemonSetLike) as KubeObject,
};
