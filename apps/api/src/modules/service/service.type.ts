import { InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, IntOrStr, List, Obj, Str, StrList, StrMap } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('ServicePortInput')
export class ServicePort {
  @Str('Required when the Service has more than one port; a DNS label, the SRV record name.') name?: string;
  @Str('TCP (default), UDP or SCTP') protocol?: string;
  @Str() appProtocol?: string;
  @IntField() port?: number;
  @IntOrStr('A port number or a container port name, resolved per pod; default: port.') targetPort?: number | string;
  @IntField('Allocated from 30000-32767 for NodePort and LoadBalancer Services unless requested.') nodePort?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('ClientIPConfigInput')
export class ClientIPConfig {
  @IntField('Default 10800 (3 hours), at most 86400.') timeoutSeconds?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('SessionAffinityConfigInput')
export class SessionAffinityConfig {
  @Obj(() => ClientIPConfig) clientIP?: ClientIPConfig;
}

/** v1 ServiceSpec. */
@ObjectType({ simpleResolvers: true })
@InputType('ServiceSpecInput')
export class ServiceSpec {
  @List(() => ServicePort) ports?: ServicePort[];
  @StrMap() selector?: Record<string, string>;
  @Str('Allocated from WHEELHOUSE_SERVICE_CIDR unless requested; None for a headless Service. Immutable.') clusterIP?: string;
  @StrList() clusterIPs?: string[];
  @Str('ClusterIP (default), NodePort, LoadBalancer or ExternalName') type?: string;
  @StrList() externalIPs?: string[];
  @Str('None (default) or ClientIP') sessionAffinity?: string;
  @Str() loadBalancerIP?: string;
  @StrList() loadBalancerSourceRanges?: string[];
  @Str('The CNAME target of an ExternalName Service.') externalName?: string;
  @Str() externalTrafficPolicy?: string;
  @IntField() healthCheckNodePort?: number;
  @Bool() publishNotReadyAddresses?: boolean;
  @Obj(() => SessionAffinityConfig) sessionAffinityConfig?: SessionAffinityConfig;
  @StrList() ipFamilies?: string[];
  @Str() ipFamilyPolicy?: string;
  @Bool() allocateLoadBalancerNodePorts?: boolean;
  @Str() loadBalancerClass?: string;
  @Str('Cluster (default) or Local') internalTrafficPolicy?: string;
  @Str() trafficDistribution?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('PortStatusInput')
export class PortStatus {
  @IntField() port?: number;
  @Str() protocol?: string;
  @Str() error?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('LoadBalancerIngressInput')
export class LoadBalancerIngress {
  @Str() ip?: string;
  @Str() hostname?: string;
  @Str() ipMode?: string;
  @List(() => PortStatus) ports?: PortStatus[];
}

@ObjectType({ simpleResolvers: true })
@InputType('LoadBalancerStatusInput')
export class LoadBalancerStatus {
  @List(() => LoadBalancerIngress) ingress?: LoadBalancerIngress[];
}

/** Without a cloud provider nothing fills loadBalancer in: a LoadBalancer Service stays <pending>, as in Kubernetes. */
@ObjectType({ simpleResolvers: true })
@InputType('ServiceStatusInput')
export class ServiceStatus {
  @Obj(() => LoadBalancerStatus) loadBalancer?: LoadBalancerStatus;
  @List(() => Condition) conditions?: Condition[];
}

export const { output: Service, input: ServiceInput } = resourceClasses('Service', ServiceSpec, ServiceStatus);
