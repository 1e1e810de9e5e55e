import { InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, IntOrStr, Json, StrMap, List, Obj, QuantityField, Str, StrList } from '../common/fields.js';

@ObjectType({ simpleResolvers: true })
@InputType('ContainerPortInput')
export class ContainerPort {
  @Str() name?: string;
  @IntField() hostPort?: number;
  @IntField() containerPort?: number;
  @Str('TCP, UDP or SCTP') protocol?: string;
  @Str() hostIP?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('ObjectFieldSelectorInput')
export class ObjectFieldSelector {
  @Str() apiVersion?: string;
  @Str('e.g. metadata.name, metadata.namespace, status.podIP, spec.nodeName') fieldPath?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('ResourceFieldSelectorInput')
export class ResourceFieldSelector {
  @Str() containerName?: string;
  @Str() resource?: string;
  @QuantityField() divisor?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('KeySelectorInput')
export class KeySelector {
  @Str() name?: string;
  @Str() key?: string;
  @Bool() optional?: boolean;
}

@ObjectType({ simpleResolvers: true })
@InputType('EnvVarSourceInput')
export class EnvVarSource {
  @Obj(() => ObjectFieldSelector) fieldRef?: ObjectFieldSelector;
  @Obj(() => ResourceFieldSelector) resourceFieldRef?: ResourceFieldSelector;
  @Obj(() => KeySelector) configMapKeyRef?: KeySelector;
  @Obj(() => KeySelector) secretKeyRef?: KeySelector;
}

@ObjectType({ simpleResolvers: true })
@InputType('EnvVarInput')
export class EnvVar {
  @Str() name?: string;
  @Str() value?: string;
  @Obj(() => EnvVarSource) valueFrom?: EnvVarSource;
}

@ObjectType({ simpleResolvers: true })
@InputType('LocalObjectReferenceInput')
export class OptionalReference {
  @Str() name?: string;
  @Bool() optional?: boolean;
}

@ObjectType({ simpleResolvers: true })
@InputType('EnvFromSourceInput')
export class EnvFromSource {
  @Str() prefix?: string;
  @Obj(() => OptionalReference) configMapRef?: OptionalReference;
  @Obj(() => OptionalReference) secretRef?: OptionalReference;
}

@ObjectType({ simpleResolvers: true })
@InputType('ResourceRequirementsInput')
export class ResourceRequirements {
  @StrMap('Resource name → quantity') limits?: Record<string, string>;
  @StrMap('Resource name → quantity') requests?: Record<string, string>;
}

@ObjectType({ simpleResolvers: true })
@InputType('VolumeMountInput')
export class VolumeMount {
  @Str() name?: string;
  @Bool() readOnly?: boolean;
  @Str() mountPath?: string;
  @Str() subPath?: string;
  @Str() mountPropagation?: string;
  @Str() subPathExpr?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('ExecActionInput')
export class ExecAction {
  @StrList() command?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('HTTPHeaderInput')
export class HTTPHeader {
  @Str() name?: string;
  @Str() value?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('HTTPGetActionInput')
export class HTTPGetAction {
  @Str() path?: string;
  @IntOrStr('Port number or container port name') port?: number | string;
  @Str() host?: string;
  @Str('HTTP or HTTPS') scheme?: string;
  @List(() => HTTPHeader) httpHeaders?: HTTPHeader[];
}

@ObjectType({ simpleResolvers: true })
@InputType('TCPSocketActionInput')
export class TCPSocketAction {
  @IntOrStr() port?: number | string;
  @Str() host?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('GRPCActionInput')
export class GRPCAction {
  @IntField() port?: number;
  @Str() service?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('SleepActionInput')
export class SleepAction {
  @IntField() seconds?: number;
}

@ObjectType({ simpleResolvers: true })
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

@ObjectType({ simpleResolvers: true })
@InputType('LifecycleHandlerInput')
export class LifecycleHandler {
  @Obj(() => ExecAction) exec?: ExecAction;
  @Obj(() => HTTPGetAction) httpGet?: HTTPGetAction;
  @Obj(() => TCPSocketAction) tcpSocket?: TCPSocketAction;
  @Obj(() => SleepAction) sleep?: SleepAction;
}

@ObjectType({ simpleResolvers: true })
@InputType('LifecycleInput')
export class Lifecycle {
  @Obj(() => LifecycleHandler) postStart?: LifecycleHandler;
  @Obj(() => LifecycleHandler) preStop?: LifecycleHandler;
}

@ObjectType({ simpleResolvers: true })
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
