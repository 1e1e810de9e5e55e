import { InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, IntOrStr, Json, List, Obj, QuantityField, Str, StrList } from '../common/fields.js';

@ObjectType()
@InputType('ContainerPortInput')
export class ContainerPort {
  @Str() name?: string;
  @IntField() hostPort?: number;
  @IntField() containerPort?: number;
  @Str('TCP, UDP or SCTP') protocol?: string;
  @Str() hostIP?: string;
}

@ObjectType()
@InputType('ObjectFieldSelectorInput')
export class ObjectFieldSelector {
  @Str() apiVersion?: string;
  @Str('e.g. metadata.name, metadata.namespace, status.podIP, spec.nodeName') fieldPath?: string;
}

@ObjectType()
@InputType('ResourceFieldSelectorInput')
export class ResourceFieldSelector {
  @Str() containerName?: string;
  @Str() resource?: string;
  @QuantityField() divisor?: string;
}

@ObjectType()
@InputType('KeySelectorInput')
export class KeySelector {
  @Str() name?: string;
  @Str() key?: string;
  @Bool() optional?: boolean;
}

@ObjectType()
@InputType('EnvVarSourceInput')
export class EnvVarSource {
  @Obj(() => ObjectFieldSelector) fieldRef?: ObjectFieldSelector;
  @Obj(() => ResourceFieldSelector) resourceFieldRef?: ResourceFieldSelector;
  @Obj(() => KeySelector) configMapKeyRef?: KeySelector;
  @Obj(() => KeySelector) secretKeyRef?: KeySelector;
}

@ObjectType()
@InputType('EnvVarInput')
export class EnvVar {
  @Str() name?: string;
  @Str() value?: string;
  @Obj(() => EnvVarSource) valueFrom?: EnvVarSource;
}

@ObjectType()
@InputType('LocalObjectReferenceInput')
export class OptionalReference {
  @Str() name?: string;
  @Bool() optional?: boolean;
}

@ObjectType()
@InputType('EnvFromSourceInput')
export class EnvFromSource {
  @Str() prefix?: string;
  @Obj(() => OptionalReference) configMapRef?: OptionalReference;
  @Obj(() => OptionalReference) secretRef?: OptionalReference;
}

@ObjectType()
@InputType('ResourceRequirementsInput')
export class ResourceRequirements {
  @Json('Resource name → quantity') limits?: Record<string, string>;
  @Json('Resource name → quantity') requests?: Record<string, string>;
}

@ObjectType()
@InputType('VolumeMountInput')
export class VolumeMount {
  @Str() name?: string;
  @Bool() readOnly?: boolean;
  @Str() mountPath?: string;
  @Str() subPath?: string;
  @Str() mountPropagation?: string;
  @Str() subPathExpr?: string;
}

@ObjectType()
@InputType('ExecActionInput')
export class ExecAction {
  @StrList() command?: string[];
}

@ObjectType()
@InputType('HTTPHeaderInput')
export class HTTPHeader {
  @Str() name?: string;
  @Str() value?: string;
}

@ObjectType()
@InputType('HTTPGetActionInput')
export class HTTPGetAction {
  @Str() path?: string;
  @IntOrStr('Port number or container port name') port?: number | string;
  @Str() host?: string;
  @Str('HTTP or HTTPS') scheme?: string;
  @List(() => HTTPHeader) httpHeaders?: HTTPHeader[];
}

@ObjectType()
@InputType('TCPSocketActionInput')
export class TCPSocketAction {
  @IntOrStr() port?: number | string;
  @Str() host?: string;
}

@ObjectType()
@InputType('GRPCActionInput')
export class GRPCAction {
  @IntField() port?: number;
  @Str() service?: string;
}

@ObjectType()
@InputType('SleepActionInput')
export class SleepAction {
  @IntField() seconds?: number;
}

@ObjectType()
@InputType('ProbeInput')
export class Probe {
  @Obj(() => ExecAction) exec?: ExecAction;
  @Obj(() => HTTPGetAction) httpGet?: HTTPGetAction;
  @Obj(() => TCPSocketAction) tcpSocket?: TCPSocketAction;
  @Obj(() => GRPCAction) grpc?: GRPCAction;
  @IntField() initialDelaySeconds?: number;
  @IntField() timeoutSeconds?: number;
  @IntField() periodSeconds?: number;
  @IntField() successThreshold?: number;
  @IntField() failureThreshold?: number;
  @IntField() terminationGracePeriodSeconds?: number;
}

@ObjectType()
@InputType('LifecycleHandlerInput')
export class LifecycleHandler {
  @Obj(() => ExecAction) exec?: ExecAction;
  @Obj(() => HTTPGetAction) httpGet?: HTTPGetAction;
  @Obj(() => TCPSocketAction) tcpSocket?: TCPSocketAction;
  @Obj(() => SleepAction) sleep?: SleepAction;
}

@ObjectType()
@InputType('LifecycleInput')
export class Lifecycle {
  @Obj(() => LifecycleHandler) postStart?: LifecycleHandler;
  @Obj(() => LifecycleHandler) preStop?: LifecycleHandler;
}

@ObjectType()
@InputType('ContainerInput')
export class Container {
  @Str() name?: string;
  @Str('Recorded; the process runtime runs the command on the host.') image?: string;
  @StrList() command?: string[];
  @StrList() args?: string[];
  @Str() workingDir?: string;
  @List(() => ContainerPort) ports?: ContainerPort[];
  @List(() => EnvFromSource) envFrom?: EnvFromSource[];
  @List(() => EnvVar) env?: EnvVar[];
  @Obj(() => ResourceRequirements) resources?: ResourceRequirements;
  @List(() => VolumeMount) volumeMounts?: VolumeMount[];
  @Obj(() => Probe) livenessProbe?: Probe;
  @Obj(() => Probe) readinessProbe?: Probe;
  @Obj(() => Probe) startupProbe?: Probe;
  @Obj(() => Lifecycle) lifecycle?: Lifecycle;
  @Str() terminationMessagePath?: string;
  @Str() terminationMessagePolicy?: string;
  @Str('Always, IfNotPresent or Never') imagePullPolicy?: string;
  @Json() securityContext?: Record<string, unknown>;
  @Str('Always for a restartable init container (sidecar)') restartPolicy?: string;
  @Bool() stdin?: boolean;
  @Bool() stdinOnce?: boolean;
  @Bool() tty?: boolean;
}
