import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validateConfigMap, validateConfigMapUpdate } from '../validation/index.js';
import { defaultConfigMap } from '../defaults/index.js';

/** core/v1 ConfigMap: `data`, `binaryData` and `immutable` sit next to metadata (no spec). */
export const ConfigMapKind: KindInfo = {
  ...KIND_CATALOGUE.ConfigMap,
  table: 'configmaps',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultConfigMap(o),
  validate: (o) => validateConfigMap(o),
  validateUpdate: (next, prev) => validateConfigMapUpdate(next, prev),
};
