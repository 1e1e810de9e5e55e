import { DeploymentKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Deployment, DeploymentInput } from './deployment.type.js';

export const DeploymentResolver = createResourceResolver(DeploymentKind, Deployment, DeploymentInput);
