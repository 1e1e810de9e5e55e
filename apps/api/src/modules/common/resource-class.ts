import { Field, InputType, ObjectType, type ClassType } from 'type-graphql';
import { ObjectMeta } from './object-meta.type.js';
import { Str } from './fields.js';

/**
 * The output type `<Kind>` and input type `<Kind>Input` of a kind with spec (and status):
 * apiVersion, kind, metadata, spec, status. The input accepts status so that output can
 * be applied again; status is only written through the status mutations.
 */
export function resourceClasses(kind: string, spec: ClassType, status?: ClassType): { output: ClassType; input: ClassType } {
  // Bases carry the shared fields; only the concrete types below are reachable from resolvers, so only they reach the schema.
  @ObjectType(`${kind}Base`, { simpleResolvers: true })
  @InputType(`${kind}BaseInput`)
  class Base {
    @Str() apiVersion?: string;
    @Str() kind?: string;
    @Field(() => ObjectMeta) metadata!: ObjectMeta;
    @Field(() => spec, { nullable: true }) spec?: unknown;
  }
  let Parent: ClassType = Base;
  if (status) {
    @ObjectType(`${kind}WithStatusBase`, { simpleResolvers: true })
    @InputType(`${kind}WithStatusBaseInput`)
    class WithStatus extends Base {
      @Field(() => status, { nullable: true }) status?: unknown;
    }
    Parent = WithStatus;
  }
  @ObjectType(kind, { simpleResolvers: true })
  class Output extends (Parent as typeof Base) {}
  @InputType(`${kind}Input`)
  class Input extends (Parent as typeof Base) {}
  return { output: Output, input: Input };
}
