import { ApiError } from '@wheelhouse/resources';
import type { Principal } from './tokens.js';

export interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  /** Root fields, e.g. ['createPod']. */
  fields: string[];
}

/**
 * The one authorisation hook: every operation, over HTTP or WebSocket, passes here
 * with its principal before it runs. Today admins and node agents may do everything;
 * roles narrow this later without touching resolvers.
 */
export function authorize(principal: Principal | null, operation: Operation): void {
  if (!principal) throw new ApiError('UNAUTHENTICATED', 'not authenticated');
  if (principal.role !== 'cluster-admin' && principal.role !== 'node') {
    throw new ApiError('FORBIDDEN', `${principal.name} may not ${operation.fields.join(', ')}`);
  }
}
