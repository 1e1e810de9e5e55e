import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { ApiError, notFound, PodKind, ServiceAccountKind } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { TokenRequest } from './token-request.type.js';

/** serviceaccounts/token (kubectl create token): a signed, audience-bound, expiring token for a ServiceAccount. */
@Resolver()
export class TokenRequestResolver {
  @Mutation(() => TokenRequest, { description: 'The TokenRequest subresource (kubectl create token): a bearer token for the ServiceAccount, authorized by RBAC.' })
  async createToken(
    @Arg('namespace', () => String) namespace: string,
    @Arg('serviceAccountName', () => String) serviceAccountName: string,
    @Arg('expirationSeconds', () => Int, { nullable: true, description: 'Default 3600; at least 600.' }) expirationSeconds: number | undefined,
    @Arg('audiences', () => [String], { nullable: true, description: 'Default: this API.' }) audiences: string[] | undefined,
    @Arg('boundPodName', () => String, { nullable: true, description: 'Bind the token to this pod of the namespace (it must run as the ServiceAccount).' })
    boundPodName: string | undefined,
    @Ctx() ctx: ApiContext,
  ): Promise<TokenRequest> {
    const tokens = ctx.identity?.tokens;
    if (!tokens) throw new ApiError('UNAVAILABLE', 'this API does not issue ServiceAccount tokens');
    const account = await ctx.store.get(ServiceAccountKind, namespace, serviceAccountName);
    if (!account) throw notFound(ServiceAccountKind.kind, serviceAccountName);
    let boundObject: { kind: 'Pod'; name: string; uid: string } | undefined;
    if (boundPodName) {
      const pod = await ctx.store.get(PodKind, namespace, boundPodName);
      if (!pod) throw notFound(PodKind.kind, boundPodName);
      const podAccount = (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default';
      if (podAccount !== serviceAccountName) {
        throw new ApiError('BAD_USER_INPUT', `pod "${boundPodName}" runs as service account "${podAccount}", not "${serviceAccountName}"`, 'boundPodName');
      }
      boundObject = { kind: 'Pod', name: boundPodName, uid: pod.metadata.uid! };
    }
    const issued = await tokens.issue({ namespace, name: serviceAccountName, uid: account.metadata.uid! }, { audiences, expirationSeconds, boundObject });
    const request = new TokenRequest();
    request.metadata = { name: serviceAccountName, namespace };
    request.spec = {
      audiences: issued.audiences,
      expirationSeconds: expirationSeconds ?? 3600,
      ...(boundObject ? { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: boundObject.name, uid: boundObject.uid } } : {}),
    };
    request.status = { token: issued.token, expirationTimestamp: issued.expirationTimestamp };
    return request;
  }
}
