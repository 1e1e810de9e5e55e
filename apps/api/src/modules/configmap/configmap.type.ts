import { Field, InputType, ObjectType } from 'type-graphql';
import { Bool, Str, StrMap } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';

/** core/v1 ConfigMap: its fields sit next to metadata (no spec), as in Kubernetes. */
@ObjectType('ConfigMapBase', { simpleResolvers: true })
@InputType('ConfigMapBaseInput')
class ConfigMapFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @StrMap('UTF-8 values by key; keys are [-._a-zA-Z0-9]+.') data?: Record<string, string>;
  @StrMap('Base64-encoded binary values by key; no key may also be in data.') binaryData?: Record<string, string>;
  @Bool('When true, data and binaryData can no longer change (and immutable cannot be unset).') immutable?: boolean;
}

@ObjectType('ConfigMap', { simpleResolvers: true })
export class ConfigMap extends ConfigMapFields {}

@InputType('ConfigMapInput')
export class ConfigMapInput extends ConfigMapFields {}
