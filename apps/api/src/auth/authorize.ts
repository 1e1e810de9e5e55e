import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { ApiError, authorizeRbac, refusedMessage, SYSTEM_MASTERS, type Attributes, type PolicySource, type UserInfo } from '@wheelhouse/resources';
import type { Principal } from './tokens.js';
import { requestTargets, type RequestTarget } from './attributes.js';
import { rootFields } from './root-fields.js';

export interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  /** Root fields, e.g. ['createPod']. */
  fields: string[];
}

export const userOf = (principal: Principal): UserInfo => ({ name: principal.name, groups: principal.groups });

/** A further check after RBAC allowed an operation's requests (the node authorizer): why not, or null. */
export type RequestRestriction = (principal: Principal, targets: readonly RequestTarget[]) => Promise<string | null>;

/**
 * The one authorization hook: every operation, over HTTP or WebSocket (queries, mutations,
 * watches, logs, exec, metrics, history, apply), passes here with its principal before it
 * runs. Each root field is the Kubernetes request(s) attributes.ts maps it to; RBAC decides
 * (system:masters always may). A refusal is FORBIDDEN with kube-apiserver's message.
 */
export class Authorizer {
  constructor(
    readonly policy: PolicySource,
    private readonly restrictions: RequestRestriction[] = [],
  ) {}

  /** Whether RBAC lets the user make the request (no throw): access reviews, `escalate` and `bind`. */
  allows(principal: Principal, target: RequestTarget): boolean {
    return this.refusal(principal, target) === null;
  }

  async assertAllowed(principal: Principal | null, targets: readonly RequestTarget[]): Promise<void> {
    if (!principal) throw new ApiError('UNAUTHENTICATED', 'not authenticated');
    if (principal.groups.includes(SYSTEM_MASTERS)) return;
    for (const target of targets) {
      const refusal = this.refusal(principal, target);
      if (refusal) throw new ApiError('FORBIDDEN', refusal);
    }
    for (const restriction of this.restrictions) {
      const reason = await restriction(principal, targets);
      if (reason) throw new ApiError('FORBIDDEN', reason);
    }
  }

  async authorizeOperation(principal: Principal | null, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): Promise<void> {
    if (!principal) throw new ApiError('UNAUTHENTICATED', 'not authenticated');
    // The privileged group skips the mapping too: the admin's requests cost nothing extra.
    if (principal.groups.includes(SYSTEM_MASTERS)) return;
    await this.assertAllowed(
      principal,
      rootFields(document, operation, variables).flatMap((field) => requestTargets(field.name, field.args)),
    );
  }

  private refusal(principal: Principal, target: RequestTarget): string | null {
    const { verb, apiGroup, resource, subresource, namespace, name, path } = target;
    const attributes: Attributes = { user: userOf(principal), verb, apiGroup, resource, subresource, namespace, name, path };
    return authorizeRbac(this.policy, attributes).allowed ? null : refusedMessage(attributes);
  }
}
