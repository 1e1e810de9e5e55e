import { InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, StrMap, List, Obj, Str, StrList } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('TaintInput')
export class Taint {
  @Str() key?: string;
  @Str() value?: string;
  @Str('NoSchedule, PreferNoSchedule or NoExecute') effect?: string;
  @Str() timeAdded?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeSpecInput')
export class NodeSpec {
  @Str() podCIDR?: string;
  @StrList() podCIDRs?: string[];
  @Str() providerID?: string;
  @Bool() unschedulable?: boolean;
  @List(() => Taint) taints?: Taint[];
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeAddressInput')
export class NodeAddress {
  @Str('InternalIP, ExternalIP or Hostname') type?: string;
  @Str() address?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeSystemInfoInput')
export class NodeSystemInfo {
  @Str() machineID?: string;
  @Str() systemUUID?: string;
  @Str() bootID?: string;
  @Str() kernelVersion?: string;
  @Str() osImage?: string;
  @Str() containerRuntimeVersion?: string;
  @Str() kubeletVersion?: string;
  @Str() kubeProxyVersion?: string;
  @Str() operatingSystem?: string;
  @Str() architecture?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('DaemonEndpointInput')
export class DaemonEndpoint {
  @IntField() Port?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeDaemonEndpointsInput')
export class NodeDaemonEndpoints {
  @Obj(() => DaemonEndpoint) kubeletEndpoint?: DaemonEndpoint;
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeStatusInput')
export class NodeStatus {
  @StrMap('Resource name → quantity, e.g. {"cpu": "4", "memory": "8Gi", "pods": "110"}') capacity?: Record<string, string>;
  @StrMap() allocatable?: Record<string, string>;
  @Str() phase?: string;
  @List(() => Condition) conditions?: Condition[];
  @List(() => NodeAddress) addresses?: NodeAddress[];
  @Obj(() => NodeDaemonEndpoints) daemonEndpoints?: NodeDaemonEndpoints;
  @Obj(() => NodeSystemInfo) nodeInfo?: NodeSystemInfo;
  @StrList() volumesInUse?: string[];
}

export const { output: Node, input: NodeInput } = resourceClasses('Node', NodeSpec, NodeStatus);
