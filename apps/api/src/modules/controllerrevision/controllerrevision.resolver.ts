import { ControllerRevisionKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { ControllerRevision, ControllerRevisionInput } from './controllerrevision.type.js';

export const ControllerRevisionResolver = createResourceResolver(ControllerRevisionKind, ControllerRevision, ControllerRevisionInput);
