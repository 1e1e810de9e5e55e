import { Field, Int, ObjectType } from 'type-graphql';
import { Str, StrList } from '../common/fields.js';

@ObjectType({ simpleResolvers: true })
export class BoundObjectReference {
  @Str() kind?: string;
  @Str() apiVersion?: string;
  @Str() name?: string;
  @Str() uid?: string;
}

@ObjectType({ simpleResolvers: true })
export class TokenRequestSpec {
  @StrList('Who the token is for; absent: this API.') audiences?: string[];
  @Field(() => Int, { nullable: true }) expirationSeconds?: number;
  @Field(() => BoundObjectReference, { nullable: true, description: 'The pod the token is bound to: it stops working when the pod is gone.' })
  boundObjectRef?: BoundObjectReference;
}

@ObjectType({ simpleResolvers: true })
export class TokenRequestStatus {
  @Field(() => String, { description: 'A bearer token for system:serviceaccount:NS:NAME.' }) token!: string;
  @Field(() => String) expirationTimestamp!: string;
}

@ObjectType({ simpleResolvers: true })
export class TokenRequestMeta {
  @Str() name?: string;
  @Str() namespace?: string;
}

/** authentication.k8s.io/v1 TokenRequest, the serviceaccounts/token subresource. */
@ObjectType({ simpleResolvers: true })
export class TokenRequest {
  @Field(() => String) apiVersion = 'authentication.k8s.io/v1';
  @Field(() => String) kind = 'TokenRequest';
  @Field(() => TokenRequestMeta) metadata!: TokenRequestMeta;
  @Field(() => TokenRequestSpec) spec!: TokenRequestSpec;
  @Field(() => TokenRequestStatus) status!: TokenRequestStatus;
}
