import { ReplicationControllerKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { ReplicationController, ReplicationControllerInput } from './replicationcontroller.type.js';

export const ReplicationControllerResolver = createResourceResolver(ReplicationControllerKind, ReplicationController, ReplicationControllerInput);
