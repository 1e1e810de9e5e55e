import { Field, InputType, ObjectType } from 'type-graphql';
import { IntField, Json, Obj, Str } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';
import { ObjectReference } from '../common/label-selector.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('EventSourceInput')
export class EventSource {
  @Str() component?: string;
  @Str() host?: string;
}

/** core/v1 Event: its fields sit next to metadata (no spec), as in Kubernetes. */
@ObjectType('EventBase', { simpleResolvers: true })
@InputType('EventBaseInput')
class EventFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @Obj(() => ObjectReference) involvedObject?: ObjectReference;
  @Str() reason?: string;
  @Str() message?: string;
  @Obj(() => EventSource) source?: EventSource;
  @Str() firstTimestamp?: string;
  @Str() lastTimestamp?: string;
  @IntField() count?: number;
  @Str('Normal or Warning') type?: string;
  @Str() eventTime?: string;
  @Json() series?: Record<string, unknown>;
  @Str() action?: string;
  @Obj(() => ObjectReference) related?: ObjectReference;
  @Str() reportingComponent?: string;
  @Str() reportingInstance?: string;
}

@ObjectType('Event', { simpleResolvers: true })
export class Event extends EventFields {}

@InputType('EventInput')
export class EventInput extends EventFields {}
