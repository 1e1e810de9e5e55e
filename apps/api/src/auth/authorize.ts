import type { MiddlewareFn } from 'type-graphql';
import { ApiError } from '@wheelhouse/resources';
import type { ApiContext } from '../context.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The one authorisation hook: every root operation passes here with the principal,
 * the operation and its arguments. Today: admins do everything, node agents too
 * (roles narrow this later without touching resolvers).
 */
export const authorize: MiddlewareFn<ApiContext> = async ({ context, info }, next) => {
  if (ROOT_TYPES.has(info.parentType.name)) {
    const principal = context.principal;
    if (!principal) throw new ApiError('UNAUTHENTICATED', 'not authenticated');
    if (principal.role !== 'cluster-admin' && principal.role !== 'node') {
      throw new ApiError('FORBIDDEN', `${principal.name} may not ${info.fieldName}`);
    }
  }
  return next();
};
