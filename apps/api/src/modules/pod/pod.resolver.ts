import { PodKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Pod, PodInput } from './pod.type.js';

export const PodResolver = createResourceResolver(PodKind, Pod, PodInput);
