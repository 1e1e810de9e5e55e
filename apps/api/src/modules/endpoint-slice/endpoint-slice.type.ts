import { Field, InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, List, Obj, Str, StrList, StrMap } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';
import { ObjectReference } from '../common/label-selector.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('EndpointConditionsInput')
export class EndpointConditions {
  @Bool('The endpoint may receive new traffic: its pod is Ready and not terminating.') ready?: boolean;
  @Bool('Ready by its pod, whether or not it is terminating.') serving?: boolean;
  @Bool('Its pod is being deleted.') terminating?: boolean;
}

@ObjectType({ simpleResolvers: true })
@InputType('ForZoneInput')
export class ForZone {
  @Str() name?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('EndpointHintsInput')
export class EndpointHints {
  @List(() => ForZone) forZones?: ForZone[];
}

@ObjectType({ simpleResolvers: true })
@InputType('EndpointInput')
export class Endpoint {
  @StrList() addresses?: string[];
  @Obj(() => EndpointConditions) conditions?: EndpointConditions;
  @Str() hostname?: string;
  @Obj(() => ObjectReference) targetRef?: ObjectReference;
  @StrMap() deprecatedTopology?: Record<string, string>;
  @Str() nodeName?: string;
  @Str() zone?: string;
  @Obj(() => EndpointHints) hints?: EndpointHints;
}

@ObjectType({ simpleResolvers: true })
@InputType('EndpointPortInput')
export class EndpointPort {
  @Str() name?: string;
  @Str() protocol?: string;
  @IntField() port?: number;
  @Str() appProtocol?: string;
}

/** discovery.k8s.io/v1 EndpointSlice: its fields sit next to metadata (no spec), as in Kubernetes. */
@ObjectType('EndpointSliceBase', { simpleResolvers: true })
@InputType('EndpointSliceBaseInput')
class EndpointSliceFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @Str('IPv4, IPv6 or FQDN; immutable') addressType?: string;
  @List(() => Endpoint) endpoints?: Endpoint[];
  @List(() => EndpointPort) ports?: EndpointPort[];
}

@ObjectType('EndpointSlice', { simpleResolvers: true })
export class EndpointSlice extends EndpointSliceFields {}

@InputType('EndpointSliceInput')
export class EndpointSliceInput extends EndpointSliceFields {}

@ObjectType({ simpleResolvers: true })
@InputType('EndpointAddressInput')
export class EndpointAddress {
  @Str() ip?: string;
  @Str() hostname?: string;
  @Str() nodeName?: string;
  @Obj(() => ObjectReference) targetRef?: ObjectReference;
}

@ObjectType({ simpleResolvers: true })
@InputType('EndpointsPortInput')
export class EndpointsPort {
  @Str() name?: string;
  @IntField() port?: number;
  @Str() protocol?: string;
  @Str() appProtocol?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('EndpointSubsetInput')
export class EndpointSubset {
  @List(() => EndpointAddress) addresses?: EndpointAddress[];
  @List(() => EndpointAddress) notReadyAddresses?: EndpointAddress[];
  @List(() => EndpointsPort) ports?: EndpointsPort[];
}

/** v1 Endpoints: subsets next to metadata. */
@ObjectType('EndpointsBase', { simpleResolvers: true })
@InputType('EndpointsBaseInput')
class EndpointsFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @List(() => EndpointSubset) subsets?: EndpointSubset[];
}

@ObjectType('Endpoints', { simpleResolvers: true })
export class Endpoints extends EndpointsFields {}

@InputType('EndpointsInput')
export class EndpointsInput extends EndpointsFields {}
