import { EndpointSliceKind, EndpointsKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { EndpointSlice, EndpointSliceInput, Endpoints, EndpointsInput } from './endpoint-slice.type.js';

export const EndpointSliceResolver = createResourceResolver(EndpointSliceKind, EndpointSlice, EndpointSliceInput);
export const EndpointsResolver = createResourceResolver(EndpointsKind, Endpoints, EndpointsInput);
