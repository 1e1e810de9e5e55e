import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateEndpointSlice, validateEndpointSliceUpdate, validateEndpoints } from '../validation/endpoint-slice.js';
import { defaultEndpointSlice, defaultEndpoints } from '../defaults/endpoints.js';

/** discovery.k8s.io/v1 EndpointSlice: addressType, endpoints and ports sit next to metadata. */
export const EndpointSliceKind: KindInfo = {
  ...KIND_CATALOGUE.EndpointSlice,
  table: 'endpoint_slices',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: (o) => ({ addressType: typeof o.addressType === 'string' ? o.addressType : null }),
  selectableFields: (o) => ({ addressType: typeof o.addressType === 'string' ? o.addressType : '' }),
  fieldColumns: { addressType: `coalesce("addressType", '')` },
  applyDefaults: (o) => defaultEndpointSlice(o) as KubeObject,
  validate: (o) => validateEndpointSlice(o),
  validateUpdate: (next, prev) => validateEndpointSliceUpdate(next, prev),
};

/** v1 Endpoints (the mirror older clients read): subsets next to metadata. */
export const EndpointsKind: KindInfo = {
  ...KIND_CATALOGUE.Endpoints,
  table: 'endpoints',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultEndpoints(o) as KubeObject,
  validate: (o) => validateEndpoints(o),
};
