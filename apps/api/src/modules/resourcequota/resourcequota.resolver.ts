import { ResourceQuotaKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { ResourceQuota, ResourceQuotaInput } from './resourcequota.type.js';

export const ResourceQuotaResolver = createResourceResolver(ResourceQuotaKind, ResourceQuota, ResourceQuotaInput);
