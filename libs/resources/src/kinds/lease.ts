import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateLease } from '../validation/index.js';
import { defaultLease } from '../defaults/index.js';

const spec = (o: KubeObject) => (o.spec ?? {}) as { holderIdentity?: string };

export const LeaseKind: KindInfo = {
  kind: 'Lease',
  apiVersion: 'coordination.k8s.io/v1',
  singular: 'lease',
  plural: 'leases',
  shortNames: [],
  namespaced: true,
  table: 'leases',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  hasStatus: false,
  columns: (o) => ({ holderIdentity: spec(o).holderIdentity ?? null }),
  selectableFields: (o) => ({ 'spec.holderIdentity': spec(o).holderIdentity ?? '' }),
  fieldColumns: { 'spec.holderIdentity': `coalesce("holderIdentity", '')` },
  applyDefaults: (o) => defaultLease(o),
  validate: (o) => validateLease(o),
};
