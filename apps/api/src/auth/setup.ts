import { Store, type CreateAdmission } from '@wheelhouse/db';
import { PodKind, serviceAccountUsername, ServiceAccountKind, SYSTEM_MASTERS } from '@wheelhouse/resources';
import type { Authenticator } from './authenticate.js';
import { ServiceAccountTokens } from './service-account-tokens.js';
import type { Broadcaster } from '../watch/broadcaster.js';
import { Authorizer, type RequestRestriction } from './authorize.js';
import { bootstrapPolicy } from './bootstrap-policy.js';
import { escalationAdmission } from './escalation-admission.js';
import { PolicyCache } from './policy-cache.js';
import { nodeRestriction } from './node-restriction.js';
import type { Principal } from './tokens.js';

/** What resolvers need of identity: the token issuer and the authorizer. */
export interface Identity {
  tokens: ServiceAccountTokens;
  authorizer: Authorizer;
}

export interface Authorization extends Identity {
  /** `Bearer <the API's own credential>` for calling node agents (refreshed in the background). */
  kubeletAuthorization(): string;
  /** The store a caller writes through: RBAC writes checked for escalation (system:masters: the shared store). */
  storeFor(principal: Principal | null): Store;
  stop(): void;
}

/** Default roles, the policy cache on the change-log tail, the authorizer (RBAC, then the node restrictions), ServiceAccount tokens and the escalation check. */
export async function startAuthorization(
  store: Store,
  broadcaster: Broadcaster,
  options: { authenticator: Authenticator; dataDir: string; systemStore: Store; admission?: CreateAdmission; restrictions?: RequestRestriction[] },
): Promise<Authorization> {
  await bootstrapPolicy(store);
  const cache = new PolicyCache();
  await cache.start(store, broadcaster);
  const authorizer = new Authorizer(cache, [nodeRestriction(options.systemStore), ...(options.restrictions ?? [])]);
  const tokens = await ServiceAccountTokens.load(options.dataDir);
  // A token works while its ServiceAccount (and the pod it is bound to) exist with the uids it names.
  options.authenticator.useServiceAccounts({
    tokens,
    async stillValid({ serviceAccount, pod }) {
      const account = await options.systemStore.get(ServiceAccountKind, serviceAccount.namespace, serviceAccount.name);
      if (account?.metadata.uid !== serviceAccount.uid || account.metadata.deletionTimestamp) return false;
      if (!pod) return true;
      const bound = await options.systemStore.get(PodKind, serviceAccount.namespace, pod.name);
      return bound?.metadata.uid === pod.uid && !bound.metadata.deletionTimestamp;
    },
  });
  let kubelet = `Bearer ${(await tokens.issueApiserver()).token}`;
  const refresh = setInterval(() => {
    tokens.issueApiserver().then(
      (issued) => {
        kubelet = `Bearer ${issued.token}`;
      },
      () => undefined,
    );
  }, KUBELET_CREDENTIAL_REFRESH_MS);
  refresh.unref();
  const unsubscribe = broadcaster.subscribe((changes) => {
    for (const change of changes) {
      if (change.type !== 'DELETED' && !change.object.metadata.deletionTimestamp) continue;
      if (change.kind === 'ServiceAccount') {
        const username = serviceAccountUsername(change.namespace, change.name);
        options.authenticator.forget((p) => p.name === username);
      } else if (change.kind === 'Pod') {
        const pod = `${change.namespace}/${change.name}`;
        options.authenticator.forget((p) => p.boundPod === pod);
      }
    }
  });
  return {
    authorizer,
    tokens,
    kubeletAuthorization: () => kubelet,
    storeFor: (principal) =>
      !principal || principal.groups.includes(SYSTEM_MASTERS)
        ? store
        : new Store(store.db, store.clock, store.hooks, escalationAdmission(principal, authorizer, options.admission)),
    stop: () => {
      cache.stop();
      unsubscribe();
      clearInterval(refresh);
    },
  };
}

/** The API's kubelet credential lives an hour; a new one is made every half hour. */
const KUBELET_CREDENTIAL_REFRESH_MS = 30 * 60_000;
