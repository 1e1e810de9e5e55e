import { NodeKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Node, NodeInput } from './node.type.js';

export const NodeResolver = createResourceResolver(NodeKind, Node, NodeInput);
