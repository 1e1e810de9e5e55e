import { Store, type CreateAdmission } from '@wheelhouse/db';
import { SYSTEM_MASTERS } from '@wheelhouse/resources';
import type { Broadcaster } from '../watch/broadcaster.js';
import { Authorizer, type RequestRestriction } from './authorize.js';
import { bootstrapPolicy } from './bootstrap-policy.js';
import { escalationAdmission } from './escalation-admission.js';
import { PolicyCache } from './policy-cache.js';
import type { Principal } from './tokens.js';

export interface Authorization {
  authorizer: Authorizer;
  /** The store a caller writes through: RBAC writes checked for escalation (system:masters: the shared store). */
  storeFor(principal: Principal | null): Store;
  stop(): void;
}

/** Default roles, the policy cache on the change-log tail, the authorizer and the escalation check. */
export async function startAuthorization(
  store: Store,
  broadcaster: Broadcaster,
  options: { admission?: CreateAdmission; restrictions?: RequestRestriction[] } = {},
): Promise<Authorization> {
  await bootstrapPolicy(store);
  const cache = new PolicyCache();
  await cache.start(store, broadcaster);
  const authorizer = new Authorizer(cache, options.restrictions);
  return {
    authorizer,
    storeFor: (principal) =>
      !principal || principal.groups.includes(SYSTEM_MASTERS)
        ? store
        : new Store(store.db, store.clock, store.hooks, escalationAdmission(principal, authorizer, options.admission)),
    stop: () => cache.stop(),
  };
}
