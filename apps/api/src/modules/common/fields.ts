import { Field, Int } from 'type-graphql';
import { IntOrString, JSONObject, Quantity, StringMap } from './scalars.js';

/**
 * Shorthands for nullable fields. Every Kubernetes field is optional on the wire; the
 * validators report missing required ones with their field path, which GraphQL's own
 * non-null checks could not do.
 */
export const Str = (description?: string): PropertyDecorator => Field(() => String, { nullable: true, description });
export const IntField = (description?: string): PropertyDecorator => Field(() => Int, { nullable: true, description });
export const Bool = (description?: string): PropertyDecorator => Field(() => Boolean, { nullable: true, description });
export const Json = (description?: string): PropertyDecorator => Field(() => JSONObject, { nullable: true, description });
/** A string → string object (labels, selectors, resource lists). */
export const StrMap = (description?: string): PropertyDecorator => Field(() => StringMap, { nullable: true, description });
export const StrList = (description?: string): PropertyDecorator => Field(() => [String], { nullable: true, description });
export const IntOrStr = (description?: string): PropertyDecorator => Field(() => IntOrString, { nullable: true, description });
export const QuantityField = (description?: string): PropertyDecorator => Field(() => Quantity, { nullable: true, description });
/** What `@Field` accepts as its type function (type-graphql does not export the name). */
type FieldTypeFunc = NonNullable<Parameters<typeof Field>[0]>;
export const Obj = (type: FieldTypeFunc, description?: string): PropertyDecorator => Field(type, { nullable: true, description });
export const List = (type: FieldTypeFunc, description?: string): PropertyDecorator => Field(() => [type()], { nullable: true, description });
