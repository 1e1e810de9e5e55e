import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { NamespaceResolver } from './modules/namespace/namespace.resolver.js';
import { NamespaceFinalizeResolver } from './modules/namespace/finalize.resolver.js';
import { NodeResolver } from './modules/node/node.resolver.js';
import { PodResolver } from './modules/pod/pod.resolver.js';
import { EventResolver } from './modules/event/event.resolver.js';
import { LeaseResolver } from './modules/lease/lease.resolver.js';
import { ApplyResolver } from './modules/apply/apply.resolver.js';

/** Every resolver of the API. A new kind adds its resolver here. */
export const RESOLVERS = [NamespaceResolver, NamespaceFinalizeResolver, NodeResolver, PodResolver, EventResolver, LeaseResolver, ApplyResolver] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]],
    validate: false,
    // Every subscription brings its own `subscribe` (the change-log watch); type-graphql
    // insists on a PubSub anyway, so it gets one that must never be used.
    pubSub: {
      publish: () => {
        throw new Error('unused: watches read the change log');
      },
      subscribe: () => {
        throw new Error('unused: watches read the change log');
      },
    },
  });
}
