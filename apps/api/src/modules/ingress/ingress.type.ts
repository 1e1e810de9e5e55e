import { InputType, ObjectType } from 'type-graphql';
import { IntField, List, Obj, Str, StrList } from '../common/fields.js';
import { resourceClasses } from '../common/resource-class.js';
import { PortStatus } from '../service/service.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('ServiceBackendPortInput')
export class ServiceBackendPort {
  @Str('A port name of the Service; exclusive with number.') name?: string;
  @IntField('A port number of the Service; exclusive with name.') number?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressServiceBackendInput')
export class IngressServiceBackend {
  @Str() name?: string;
  @Obj(() => ServiceBackendPort) port?: ServiceBackendPort;
}

@ObjectType({ simpleResolvers: true })
@InputType('TypedLocalObjectReferenceInput')
export class TypedLocalObjectReference {
  @Str() apiGroup?: string;
  @Str() kind?: string;
  @Str() name?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressBackendInput')
export class IngressBackend {
  @Obj(() => IngressServiceBackend) service?: IngressServiceBackend;
  @Obj(() => TypedLocalObjectReference, 'Refused: this cluster only routes to Services.') resource?: TypedLocalObjectReference;
}

@ObjectType({ simpleResolvers: true })
@InputType('HTTPIngressPathInput')
export class HTTPIngressPath {
  @Str('An absolute path; ImplementationSpecific may leave it empty.') path?: string;
  @Str('Exact, Prefix or ImplementationSpecific (treated as Prefix); required.') pathType?: string;
  @Obj(() => IngressBackend) backend?: IngressBackend;
}

@ObjectType({ simpleResolvers: true })
@InputType('HTTPIngressRuleValueInput')
export class HTTPIngressRuleValue {
  @List(() => HTTPIngressPath) paths?: HTTPIngressPath[];
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressRuleInput')
export class IngressRule {
  @Str('A DNS name or a one-label wildcard (*.foo.com); empty matches every host.') host?: string;
  @Obj(() => HTTPIngressRuleValue) http?: HTTPIngressRuleValue;
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressTLSInput')
export class IngressTLS {
  @StrList() hosts?: string[];
  @Str('A kubernetes.io/tls Secret in the Ingress namespace.') secretName?: string;
}

/** networking.k8s.io/v1 IngressSpec. */
@ObjectType({ simpleResolvers: true })
@InputType('IngressSpecInput')
export class IngressSpec {
  @Str('The IngressClass; unset means the default class (annotation ingressclass.kubernetes.io/is-default-class).') ingressClassName?: string;
  @Obj(() => IngressBackend) defaultBackend?: IngressBackend;
  @List(() => IngressTLS) tls?: IngressTLS[];
  @List(() => IngressRule) rules?: IngressRule[];
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressLoadBalancerIngressInput')
export class IngressLoadBalancerIngress {
  @Str() ip?: string;
  @Str() hostname?: string;
  @List(() => PortStatus) ports?: PortStatus[];
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressLoadBalancerStatusInput')
export class IngressLoadBalancerStatus {
  @List(() => IngressLoadBalancerIngress) ingress?: IngressLoadBalancerIngress[];
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressStatusInput')
export class IngressStatus {
  @Obj(() => IngressLoadBalancerStatus, 'Written by the ingress controller that serves the Ingress.') loadBalancer?: IngressLoadBalancerStatus;
}

export const { output: Ingress, input: IngressInput } = resourceClasses('Ingress', IngressSpec, IngressStatus);

@ObjectType({ simpleResolvers: true })
@InputType('IngressClassParametersReferenceInput')
export class IngressClassParametersReference {
  @Str() apiGroup?: string;
  @Str() kind?: string;
  @Str() name?: string;
  @Str('Cluster (default) or Namespace') scope?: string;
  @Str() namespace?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('IngressClassSpecInput')
export class IngressClassSpec {
  @Str('The controller that implements the class, e.g. wheelhouse.dev/ingress-controller. Immutable.') controller?: string;
  @Obj(() => IngressClassParametersReference) parameters?: IngressClassParametersReference;
}

export const { output: IngressClass, input: IngressClassInput } = resourceClasses('IngressClass', IngressClassSpec);
