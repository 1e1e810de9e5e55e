import { InputType, ObjectType } from 'type-graphql';
import { IntField, Str } from '../common/fields.js';
import { resourceClasses } from '../common/resource-class.js';

/** coordination.k8s.io/v1 Lease: leader election and node heartbeats. */
@ObjectType({ simpleResolvers: true })
@InputType('LeaseSpecInput')
export class LeaseSpec {
  @Str() holderIdentity?: string;
  @IntField() leaseDurationSeconds?: number;
  @Str() acquireTime?: string;
  @Str() renewTime?: string;
  @IntField() leaseTransitions?: number;
  @Str() strategy?: string;
  @Str() preferredHolder?: string;
}

export const { output: Lease, input: LeaseInput } = resourceClasses('Lease', LeaseSpec);
