import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateLease } from '../validation/index.js';
import { defaultLease } from '../defaults/index.js';

const spec = (o: KubeObject) => (o.spec ?? {}) as { holderIdentity?: string };

export const LeaseKind: KindInfo = {
  ...KIND_CATALOGUE.Lease,
  table: 'leases',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: (o) => ({ holderIdentity: spec(o).holderIdentity ?? null }),
  selectableFields: (o) => ({ 'spec.holderIdentity': spec(o).holderIdentity ?? '' }),
  fieldColumns: { 'spec.holderIdentity': `coalesce("holderIdentity", '')` },
  applyDefaults: (o) => defaultLease(o),
  validate: (o) => validateLease(o),
};
