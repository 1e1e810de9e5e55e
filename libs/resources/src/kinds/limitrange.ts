import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validateLimitRange } from '../validation/index.js';
import { withSpec } from './resourcequota.js';

/** core/v1 LimitRange: defaults, min, max and ratios applied to pods at admission. */
export const LimitRangeKind: KindInfo = {
  ...KIND_CATALOGUE.LimitRange,
  table: 'limitranges',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: withSpec,
  validate: (o) => validateLimitRange(o),
};
