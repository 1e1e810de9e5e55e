import { NamespaceKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Namespace, NamespaceInput } from './namespace.type.js';

export const NamespaceResolver = createResourceResolver(NamespaceKind, Namespace, NamespaceInput);
