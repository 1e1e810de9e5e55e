import { ReplicaSetKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { ReplicaSet, ReplicaSetInput } from './replicaset.type.js';

export const ReplicaSetResolver = createResourceResolver(ReplicaSetKind, ReplicaSet, ReplicaSetInput);
