import { InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, Json, StrMap, List, Obj, QuantityField, Str, StrList } from '../common/fields.js';
import { JSONObject } from '../common/scalars.js';
import { Condition } from '../common/condition.type.js';
import { resourceClasses } from '../common/resource-class.js';
import { Container } from './container.type.js';
import { Affinity } from './affinity.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('TolerationInput')
export class Toleration {
  @Str() key?: string;
  @Str('Exists or Equal') operator?: string;
  @Str() value?: string;
  @Str() effect?: string;
  @IntField() tolerationSeconds?: number;
}

@ObjectType({ simpleResolvers: true, description: 'An /etc/hosts entry the node agent adds to the pod.' })
@InputType('HostAliasInput')
export class HostAlias {
  @Str() ip?: string;
  @StrList() hostnames?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('EmptyDirVolumeSourceInput')
export class EmptyDirVolumeSource {
  @Str() medium?: string;
  @QuantityField() sizeLimit?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('HostPathVolumeSourceInput')
export class HostPathVolumeSource {
  @Str() path?: string;
  @Str() type?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('PersistentVolumeClaimVolumeSourceInput')
export class PersistentVolumeClaimVolumeSource {
  @Str() claimName?: string;
  @Bool() readOnly?: boolean;
}

@ObjectType({ simpleResolvers: true })
@InputType('VolumeInput')
export class Volume {
  @Str() name?: string;
  @Obj(() => EmptyDirVolumeSource) emptyDir?: EmptyDirVolumeSource;
  @Obj(() => HostPathVolumeSource) hostPath?: HostPathVolumeSource;
  @Obj(() => PersistentVolumeClaimVolumeSource) persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  @Json() configMap?: Record<string, unknown>;
  @Json() secret?: Record<string, unknown>;
  @Json() downwardAPI?: Record<string, unknown>;
  @Json() projected?: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodSpecInput')
export class PodSpec {
  @List(() => Volume) volumes?: Volume[];
  @List(() => Container) initContainers?: Container[];
  @List(() => Container) containers?: Container[];
  @Str('Always, OnFailure or Never') restartPolicy?: string;
  @IntField() terminationGracePeriodSeconds?: number;
  @IntField() activeDeadlineSeconds?: number;
  @Str() dnsPolicy?: string;
  @StrMap() nodeSelector?: Record<string, string>;
  @Str() serviceAccountName?: string;
  @Str() serviceAccount?: string;
  @Bool() automountServiceAccountToken?: boolean;
  @Str('The node the pod is bound to; set by the scheduler.') nodeName?: string;
  @Bool() hostNetwork?: boolean;
  @Bool() hostPID?: boolean;
  @Bool() hostIPC?: boolean;
  @Bool() shareProcessNamespace?: boolean;
  @Json() securityContext?: Record<string, unknown>;
  @List(() => JSONObject) imagePullSecrets?: Record<string, unknown>[];
  @Str() hostname?: string;
  @Str() subdomain?: string;
  @List(() => HostAlias) hostAliases?: HostAlias[];
  @Obj(() => Affinity) affinity?: Affinity;
  @Str() schedulerName?: string;
  @List(() => Toleration) tolerations?: Toleration[];
  @Str() priorityClassName?: string;
  @IntField() priority?: number;
  @Json() dnsConfig?: Record<string, unknown>;
  @Str() runtimeClassName?: string;
  @Bool() enableServiceLinks?: boolean;
  @Str() preemptionPolicy?: string;
  @StrMap() overhead?: Record<string, string>;
  @Bool() setHostnameAsFQDN?: boolean;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerStateWaitingInput')
export class ContainerStateWaiting {
  @Str() reason?: string;
  @Str() message?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerStateRunningInput')
export class ContainerStateRunning {
  @Str() startedAt?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerStateTerminatedInput')
export class ContainerStateTerminated {
  @IntField() exitCode?: number;
  @IntField() signal?: number;
  @Str() reason?: string;
  @Str() message?: string;
  @Str() startedAt?: string;
  @Str() finishedAt?: string;
  @Str() containerID?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerStateInput')
export class ContainerState {
  @Obj(() => ContainerStateWaiting) waiting?: ContainerStateWaiting;
  @Obj(() => ContainerStateRunning) running?: ContainerStateRunning;
  @Obj(() => ContainerStateTerminated) terminated?: ContainerStateTerminated;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerStatusInput')
export class ContainerStatus {
  @Str() name?: string;
  @Obj(() => ContainerState) state?: ContainerState;
  @Obj(() => ContainerState) lastState?: ContainerState;
  @Bool() ready?: boolean;
  @IntField() restartCount?: number;
  @Str() image?: string;
  @Str() imageID?: string;
  @Str() containerID?: string;
  @Bool() started?: boolean;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodIPInput')
export class PodIP {
  @Str() ip?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodStatusInput')
export class PodStatus {
  @Str('Pending, Running, Succeeded, Failed or Unknown') phase?: string;
  @List(() => Condition) conditions?: Condition[];
  @Str() message?: string;
  @Str() reason?: string;
  @Str() nominatedNodeName?: string;
  @Str() hostIP?: string;
  @List(() => PodIP) hostIPs?: PodIP[];
  @Str() podIP?: string;
  @List(() => PodIP) podIPs?: PodIP[];
  @Str() startTime?: string;
  @List(() => ContainerStatus) initContainerStatuses?: ContainerStatus[];
  @List(() => ContainerStatus) containerStatuses?: ContainerStatus[];
  @Str() qosClass?: string;
}

export const { output: Pod, input: PodInput } = resourceClasses('Pod', PodSpec, PodStatus);
