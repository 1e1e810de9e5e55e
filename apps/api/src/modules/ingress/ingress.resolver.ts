import { IngressClassKind, IngressKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Ingress, IngressClass, IngressClassInput, IngressInput } from './ingress.type.js';

export const IngressResolver = createResourceResolver(IngressKind, Ingress, IngressInput);
export const IngressClassResolver = createResourceResolver(IngressClassKind, IngressClass, IngressClassInput);
