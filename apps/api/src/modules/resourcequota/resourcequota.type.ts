import { InputType, ObjectType } from 'type-graphql';
import { StrList, StrMap } from '../common/fields.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('ResourceQuotaSpecInput')
export class ResourceQuotaSpec {
  @StrMap('Quota resource name (requests.cpu, pods, count/configmaps, …) → hard limit quantity') hard?: Record<string, string>;
  @StrList('Terminating, NotTerminating, BestEffort, NotBestEffort: which pods the quota counts') scopes?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('ResourceQuotaStatusInput')
export class ResourceQuotaStatus {
  @StrMap('The enforced hard limits') hard?: Record<string, string>;
  @StrMap('What the namespace uses now, per resource') used?: Record<string, string>;
}

/** core/v1 ResourceQuota. */
export const { output: ResourceQuota, input: ResourceQuotaInput } = resourceClasses('ResourceQuota', ResourceQuotaSpec, ResourceQuotaStatus);
