import { Field, InputType } from 'type-graphql';
import { JSONObject } from './scalars.js';

@InputType({ description: 'One object of a bulk patch: which one, and its JSON merge patch.' })
export class ObjectPatch {
  @Field(() => String, { nullable: true }) namespace?: string;
  @Field(() => String) name!: string;
  @Field(() => JSONObject) patch!: Record<string, unknown>;
}
