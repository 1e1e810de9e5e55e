import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateService, validateServiceUpdate } from '../validation/service.js';
import { defaultService } from '../defaults/service.js';
import { keepServiceAllocations } from './service-update.js';

const spec = (o: KubeObject) => (o.spec ?? {}) as { type?: string; clusterIP?: string };

export const ServiceKind: KindInfo = {
  ...KIND_CATALOGUE.Service,
  table: 'services',
  nameRule: 'dns1035',
  bodyKey: 'spec',
  columns: (o) => ({ type: spec(o).type ?? null, clusterIP: spec(o).clusterIP || null }),
  // The field selectors Kubernetes offers for Services.
  selectableFields: (o) => ({ 'spec.type': spec(o).type ?? '', 'spec.clusterIP': spec(o).clusterIP ?? '' }),
  fieldColumns: { 'spec.type': `coalesce("type", '')`, 'spec.clusterIP': `coalesce("clusterIP", '')` },
  applyDefaults: (o) => defaultService(o),
  validate: (o) => validateService(o),
  validateUpdate: (next, prev) => validateServiceUpdate(next, prev),
  keepOnUpdate: keepServiceAllocations,
};
