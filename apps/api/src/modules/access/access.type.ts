import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true })
export class NodeCredential {
  @Field(() => String, { description: 'The node’s own user: system:node:NAME in group system:nodes.' }) username!: string;
  @Field(() => String, { description: 'A bearer token for that user.' }) token!: string;
  @Field(() => String) expirationTimestamp!: string;
}

/** authorization.k8s.io/v1 SubjectAccessReviewStatus. */
@ObjectType({ simpleResolvers: true })
export class SubjectAccessReviewStatus {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, in kube-apiserver’s words.' }) reason?: string;
}
