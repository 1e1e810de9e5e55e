import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Store } from '@wheelhouse/db';
import type { ApiContext } from '../context.js';
import type { Authorizer } from '../auth/authorize.js';
import { describeOperation } from '../auth/operation.js';
import { classify, type FlowControl } from './flow-control.js';
import { TooManyRequests } from './seats.js';

export interface AdmissionOptions {
  flows: FlowControl;
  authorizer: Authorizer;
  /** The store on the leader-election pool: lease operations never wait behind user queries for a connection. */
  leaseStore: Store;
  onRejected?: (flow: string) => void;
}

/**
 * Between resolving the operation and running it: authorization (the one hook), then a
 * seat of the request's flow (429 with Retry-After when its queue is full or it waited
 * too long), released when the response is sent. Lease operations run on their own pool.
 */
export function admissionPlugin(options: AdmissionOptions): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const described = describeOperation(operation);
          await options.authorizer.authorizeOperation(contextValue.principal, document, operation, request.variables);
          const { level, flow } = classify(contextValue.principal!, described.fields);
          if (flow === 'leader-election') contextValue.store = options.leaseStore;
          try {
            // Each root field (every alias) is a request of its own, as a Kubernetes client would send it.
            release = await options.flows.seatsFor(level, flow).acquire(described.fields.length);
          } catch (error) {
            if (!(error instanceof TooManyRequests)) throw error;
            options.onRejected?.(flow);
            throw tooManyRequests(error);
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}

export function tooManyRequests(error: TooManyRequests): GraphQLError {
  return new GraphQLError(`Too many requests, please try again later (${error.message})`, {
    extensions: {
      code: 'TOO_MANY_REQUESTS',
      http: { status: 429, headers: new HeaderMap([['retry-after', String(error.retryAfterSeconds)]]) },
    },
  });
}
