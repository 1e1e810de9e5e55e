import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiError, isDns1123Subdomain, refusedMessage, type Attributes } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import type { RequestTarget } from '../../auth/attributes.js';
import { userOf } from '../../auth/authorize.js';
import { AUTHENTICATED, type Principal } from '../../auth/tokens.js';
import { NodeCredential, SubjectAccessReviewStatus } from './access.type.js';

const identity = (ctx: ApiContext) => {
  if (!ctx.identity || !ctx.principal) throw new ApiError('UNAVAILABLE', 'this API does not serve access reviews');
  return { ...ctx.identity, principal: ctx.principal };
};

/** kubectl auth can-i (SelfSubjectAccessReview / SubjectAccessReview) and the node bootstrap exchange. */
@Resolver()
export class AccessResolver {
  @Query(() => SubjectAccessReviewStatus, {
    description: 'Whether the caller (or, with `user`, that user: needs create on subjectaccessreviews) may make a request: kubectl auth can-i.',
  })
  selfSubjectAccessReview(
    @Arg('verb', () => String) verb: string,
    @Arg('resource', () => String, { nullable: true, description: 'A resource (pods), or absent with `path` for a non-resource URL.' }) resource: string | undefined,
    @Arg('group', () => String, { nullable: true }) group: string | undefined,
    @Arg('subresource', () => String, { nullable: true }) subresource: string | undefined,
    @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
    @Arg('name', () => String, { nullable: true }) name: string | undefined,
    @Arg('path', () => String, { nullable: true }) path: string | undefined,
    @Arg('user', () => String, { nullable: true, description: 'Review for this user instead (kubectl --as).' }) user: string | undefined,
    @Arg('groups', () => [String], { nullable: true, description: 'The groups of `user` (kubectl --as-group).' }) groups: string[] | undefined,
    @Ctx() ctx: ApiContext,
  ): SubjectAccessReviewStatus {
    const { authorizer, principal } = identity(ctx);
    let subject: Principal = principal;
    if (user) {
      // Someone else's rights: a SubjectAccessReview, which only its grantees may ask.
      if (!authorizer.allows(principal, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'subjectaccessreviews' })) {
        const attributes: Attributes = { user: userOf(principal), verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'subjectaccessreviews' };
        throw new ApiError('FORBIDDEN', refusedMessage(attributes));
      }
      subject = { name: user, role: 'user', groups: [...new Set([...(groups ?? []), AUTHENTICATED])] };
    }
    if (!path && !resource) throw new ApiError('BAD_USER_INPUT', 'resource or path is required', 'resource');
    const target: RequestTarget = resource ? { verb, apiGroup: group ?? '', resource, subresource, namespace, name } : { verb, apiGroup: '', resource: '', path };
    const allowed = authorizer.allows(subject, target);
    if (allowed) return { allowed };
    return { allowed, reason: refusedMessage({ user: userOf(subject), ...target }) };
  }

  @Mutation(() => NodeCredential, {
    description: 'The node bootstrap exchange: the shared node token (or an admin) gets the credential of one node, system:node:NAME, for its agent.',
  })
  async nodeCredential(@Arg('nodeName', () => String) nodeName: string, @Ctx() ctx: ApiContext): Promise<NodeCredential> {
    const { tokens } = identity(ctx);
    const problems = isDns1123Subdomain(nodeName);
    if (problems.length > 0) throw new ApiError('BAD_USER_INPUT', `nodeName: Invalid value: ${JSON.stringify(nodeName)}: ${problems.join('; ')}`, 'nodeName');
    const issued = await tokens.issueNode(nodeName);
    return { username: `system:node:${nodeName}`, token: issued.token, expirationTimestamp: issued.expirationTimestamp };
  }
}
