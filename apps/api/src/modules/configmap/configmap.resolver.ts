import { ConfigMapKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { ConfigMap, ConfigMapInput } from './configmap.type.js';

export const ConfigMapResolver = createResourceResolver(ConfigMapKind, ConfigMap, ConfigMapInput);
