import { Field, InputType, ObjectType } from 'type-graphql';
import { IntField, Json, Str } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';

/** apps/v1 ControllerRevision: its fields sit next to metadata (no spec, no status), as in Kubernetes. */
@ObjectType('ControllerRevisionBase', { simpleResolvers: true })
@InputType('ControllerRevisionBaseInput')
class ControllerRevisionFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @Json('The snapshot (for a DaemonSet, a patch replacing spec.template); immutable once written') data?: Record<string, unknown>;
  @IntField('The revision this snapshot represents; required, at least 0') revision?: number;
}

@ObjectType('ControllerRevision', { simpleResolvers: true })
export class ControllerRevision extends ControllerRevisionFields {}

@InputType('ControllerRevisionInput')
export class ControllerRevisionInput extends ControllerRevisionFields {}
