import { IMMUTABLE_ERROR } from './messages.js';
import { forbiddenError, invalidError, notSupportedError, requiredError, tooLongError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { ipFamily } from './ip.js';
import { isAbsent, isJsonObject, readInteger, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { isDns1035Label, isDns1123Subdomain } from './names.js';
import { isValidPortName, isValidPortNum } from './ports.js';

/** pkg/apis/networking/validation: the Ingress rules of networking.k8s.io/v1. */
export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;
/** The legacy annotation that must agree with spec.ingressClassName when both are set. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const WILDCARD_MESSAGE =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** validation.IsWildcardDNS1123Subdomain: `*.` followed by a DNS subdomain. */
export function isWildcardDns1123Subdomain(value: string): string[] {
  const messages: string[] = [];
  if (value.length > 253) messages.push('must be no more than 253 characters');
  if (!value.startsWith('*.') || isDns1123Subdomain(value.slice(2)).length > 0) messages.push(WILDCARD_MESSAGE);
  return messages;
}

const hostMessages = (host: string) => (host.includes('*') ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host));

/** ValidateIngressCreate / validateIngress: the spec, and the class annotation agreeing with ingressClassName. */
export function validateIngress(ingress: JsonObject): FieldError[] {
  const errors = validateIngressSpec(ingress.spec, 'spec');
  const meta = isJsonObject(ingress.metadata) ? ingress.metadata : {};
  const annotations = isJsonObject(meta.annotations) ? meta.annotations : {};
  const spec = isJsonObject(ingress.spec) ? ingress.spec : {};
  const annotated = annotations[INGRESS_CLASS_ANNOTATION];
  if (typeof annotated === 'string' && typeof spec.ingressClassName === 'string' && annotated !== spec.ingressClassName) {
    errors.push(invalidError(`annotations.${INGRESS_CLASS_ANNOTATION}`, annotated, 'must match `ingressClassName` when both are specified'));
  }
  return errors;
}

/** ValidateIngressSpec: rules or a default backend, valid hosts, paths, backends, TLS and class name. */
export function validateIngressSpec(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const spec = readObject(value, path, errors) ?? {};
  const rules = readObjectArray(spec.rules, childPath(path, 'rules'), errors);
  if (rules.length === 0 && isAbsent(spec.defaultBackend)) errors.push(invalidError(path, null, 'either `defaultBackend` or `rules` must be specified'));
  if (!isAbsent(spec.defaultBackend)) errors.push(...validateBackend(spec.defaultBackend, childPath(path, 'defaultBackend')));
  for (const { item, index } of rules) errors.push(...validateRule(item, indexPath(childPath(path, 'rules'), index)));
  for (const { item, index } of readObjectArray(spec.tls, childPath(path, 'tls'), errors)) {
    const tlsPath = indexPath(childPath(path, 'tls'), index);
    const hosts = readStringArray(item.hosts, childPath(tlsPath, 'hosts'), errors) ?? [];
    hosts.forEach((host, i) => {
      errors.push(...hostMessages(host).map((msg) => invalidError(indexPath(childPath(tlsPath, 'hosts'), i), host, msg)));
    });
    const secretName = readString(item.secretName, childPath(tlsPath, 'secretName'), errors);
    if (secretName) errors.push(...isDns1123Subdomain(secretName).map((msg) => invalidError(childPath(tlsPath, 'secretName'), secretName, msg)));
  }
  const className = readString(spec.ingressClassName, childPath(path, 'ingressClassName'), errors);
  if (className !== undefined) errors.push(...isDns1123Subdomain(className).map((msg) => invalidError(childPath(path, 'ingressClassName'), className, msg)));
  return errors;
}

function validateRule(rule: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const host = readString(rule.host, childPath(path, 'host'), errors) ?? '';
  if (host !== '') {
    if (ipFamily(host) !== undefined) errors.push(invalidError(childPath(path, 'host'), host, 'must be a DNS name, not an IP address'));
    errors.push(...hostMessages(host).map((msg) => invalidError(childPath(path, 'host'), host, msg)));
  }
  const http = readObject(rule.http, childPath(path, 'http'), errors);
  if (!http) return errors;
  const pathsPath = childPath(path, 'http.paths');
  const paths = readObjectArray(http.paths, pathsPath, errors);
  if (paths.length === 0) errors.push(requiredError(pathsPath));
  for (const { item, index } of paths) errors.push(...validateHttpPath(item, indexPath(pathsPath, index)));
  return errors;
}

/** validateHTTPIngressPath: pathType is required; Exact and Prefix paths are absolute and normalised. */
function validateHttpPath(p: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const pathType = readString(p.pathType, childPath(path, 'pathType'), errors);
  const value = readString(p.path, childPath(path, 'path'), errors) ?? '';
  if (pathType === undefined) return [...errors, requiredError(childPath(path, 'pathType'), 'pathType must be specified')];
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errors.push(invalidError(childPath(path, 'path'), value, 'must be an absolute path'));
    for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errors.push(invalidError(childPath(path, 'path'), value, `must not contain '${seq}'`));
    for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errors.push(invalidError(childPath(path, 'path'), value, `cannot end with '${suffix}'`));
  } else if (pathType === 'ImplementationSpecific') {
    if (value !== '' && !value.startsWith('/')) errors.push(invalidError(childPath(path, 'path'), value, 'must be an absolute path'));
  } else {
    errors.push(notSupportedError(childPath(path, 'pathType'), pathType, PATH_TYPES));
  }
  errors.push(...validateBackend(p.backend, childPath(path, 'backend')));
  return errors;
}

/** validateIngressBackend: a Service name and a port name or number. */
function validateBackend(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const backend = readObject(value, path, errors) ?? {};
  const hasResource = !isAbsent(backend.resource);
  const hasService = !isAbsent(backend.service);
  if (hasResource && hasService) return [invalidError(path, '', 'cannot set both resource and service backends')];
  // Kubernetes accepts resource backends and leaves them to the controller; this cluster's controller only proxies to Services, so refuse rather than ignore.
  if (hasResource) return [forbiddenError(childPath(path, 'resource'), 'resource backends are not supported; use a service backend')];
  if (!hasService) return [invalidError(path, '', 'resource or service backend is required')];
  const service = readObject(backend.service, childPath(path, 'service'), errors) ?? {};
  const name = readString(service.name, childPath(path, 'service.name'), errors) ?? '';
  if (name === '') errors.push(requiredError(childPath(path, 'service.name')));
  else errors.push(...isDns1035Label(name).map((msg) => invalidError(childPath(path, 'service.name'), name, msg)));
  const port = readObject(service.port, childPath(path, 'service.port'), errors) ?? {};
  const portName = readString(port.name, childPath(path, 'service.port.name'), errors) ?? '';
  const portNumber = readInteger(port.number, childPath(path, 'service.port.number'), errors) ?? 0;
  if (portName !== '' && portNumber !== 0) errors.push(invalidError(path, '', 'cannot set both port name & port number'));
  else if (portName !== '') errors.push(...isValidPortName(portName).map((msg) => invalidError(childPath(path, 'service.port.name'), portName, msg)));
  else if (portNumber !== 0) errors.push(...isValidPortNum(portNumber).map((msg) => invalidError(childPath(path, 'service.port.number'), portNumber, msg)));
  else errors.push(requiredError(path, 'port name or number is required'));
  return errors;
}

const MAX_CONTROLLER_LENGTH = 250;

/** ValidateIngressClass: a domain-prefixed controller name of at most 250 characters. */
export function validateIngressClass(ingressClass: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const spec = readObject(ingressClass.spec, 'spec', errors) ?? {};
  const controller = readString(spec.controller, 'spec.controller', errors) ?? '';
  if (controller === '') errors.push(requiredError('spec.controller'));
  else if (controller.length > MAX_CONTROLLER_LENGTH) errors.push(tooLongError('spec.controller', MAX_CONTROLLER_LENGTH));
  else errors.push(...isDomainPrefixedPath(controller).map((msg) => invalidError('spec.controller', controller, msg)));
  const params = readObject(spec.parameters, 'spec.parameters', errors);
  if (params) {
    if (!readString(params.kind, 'spec.parameters.kind', errors)) errors.push(requiredError('spec.parameters.kind'));
    if (!readString(params.name, 'spec.parameters.name', errors)) errors.push(requiredError('spec.parameters.name'));
    const scope = readString(params.scope, 'spec.parameters.scope', errors);
    if (scope !== undefined && scope !== 'Cluster' && scope !== 'Namespace') errors.push(notSupportedError('spec.parameters.scope', scope, ['Cluster', 'Namespace']));
    if (scope === 'Namespace' && !params.namespace) errors.push(requiredError('spec.parameters.namespace', '`parameters.scope` is set to "Namespace"'));
    if (scope !== 'Namespace' && params.namespace) errors.push(forbiddenError('spec.parameters.namespace', '`parameters.scope` is set to "Cluster"'));
  }
  return errors;
}

/** validateIngressClassSpecUpdate: the controller field is immutable. */
export function validateIngressClassUpdate(next: JsonObject, prev: JsonObject): FieldError[] {
  const n = isJsonObject(next.spec) ? next.spec.controller : undefined;
  const p = isJsonObject(prev.spec) ? prev.spec.controller : undefined;
  return n === p ? [] : [invalidError('spec.controller', n, IMMUTABLE_ERROR)];
}

/** validation.IsDomainPrefixedPath: `<DNS subdomain>/<path>`. */
function isDomainPrefixedPath(value: string): string[] {
  const slash = value.indexOf('/');
  if (slash <= 0) return ['must be a domain-prefixed path (such as "acme.io/foo")'];
  const domain = value.slice(0, slash);
  const rest = value.slice(slash + 1);
  const messages = isDns1123Subdomain(domain);
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest)) messages.push(`Invalid path: must only contain valid path characters`);
  return messages;
}
