import { LeaseKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Lease, LeaseInput } from './lease.type.js';

export const LeaseResolver = createResourceResolver(LeaseKind, Lease, LeaseInput);
