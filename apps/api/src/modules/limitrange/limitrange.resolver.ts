import { LimitRangeKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { LimitRange, LimitRangeInput } from './limitrange.type.js';

export const LimitRangeResolver = createResourceResolver(LimitRangeKind, LimitRange, LimitRangeInput);
