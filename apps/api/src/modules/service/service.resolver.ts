import { ServiceKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Service, ServiceInput } from './service.type.js';

export const ServiceResolver = createResourceResolver(ServiceKind, Service, ServiceInput);
