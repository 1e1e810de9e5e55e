import { duplicateError, forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { ipFamily, isValidIp } from './ip.js';
import { isAbsent, isJsonObject, readBoolean, readInteger, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { validateLabels } from './labels.js';
import { IMMUTABLE_ERROR } from './messages.js';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName } from './names.js';
import { isValidPortNum, validatePortNumOrName } from './ports.js';

/**
 * Service (v1) rules of pkg/apis/core/validation (ValidateService, validateServicePort,
 * ValidateServiceClusterIPsRelatedFields, validateServiceExternalTrafficPolicy,
 * validateServiceInternalTrafficFieldsValue). They run after defaulting and before
 * allocation, so allocated values (clusterIP, nodePort) may still be empty here.
 */

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
export const SERVICE_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export const SESSION_AFFINITIES = ['ClientIP', 'None'] as const;
export const IP_FAMILIES = ['IPv4', 'IPv6'] as const;
export const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'] as const;
export const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** core.MaxClientIPServiceAffinitySeconds (one day). */
export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
export const CLUSTER_IP_NONE = 'None';

export function isHeadless(spec: JsonObject): boolean {
  return spec.clusterIP === CLUSTER_IP_NONE;
}

/** apiservice.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with external IPs. */
export function isExternallyAccessible(spec: JsonObject): boolean {
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && externalIPs.length > 0);
}

/** apiservice.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(spec: JsonObject): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

export function validateService(service: { spec?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  const spec = readObject(service.spec, 'spec', errors) ?? {};
  const type = readString(spec.type, 'spec.type', errors);
  const ports = readObjectArray(spec.ports, 'spec.ports', errors);
  const headless = isHeadless(spec);

  if (ports.length === 0 && !headless && type !== 'ExternalName') errors.push(requiredError('spec.ports'));
  switch (type) {
    case 'LoadBalancer':
    case 'NodePort':
      if (headless) errors.push(invalidError('spec.clusterIPs[0]', CLUSTER_IP_NONE, `may not be set to 'None' for ${type} services`));
      break;
    case 'ExternalName':
      errors.push(...validateExternalName(spec));
      break;
  }

  const names = new Set<string>();
  for (const { item, index } of ports) errors.push(...validateServicePort(item, ports.length > 1, names, indexPath('spec.ports', index)));

  if (!isAbsent(spec.selector)) errors.push(...validateLabels(spec.selector, 'spec.selector'));
  errors.push(...validateSessionAffinity(spec));
  errors.push(...validateClusterIPsRelatedFields(spec, type));

  (readStringArray(spec.externalIPs, 'spec.externalIPs', errors) ?? []).forEach((ip, i) => {
    if (!isValidIp(ip)) errors.push(invalidError(indexPath('spec.externalIPs', i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });

  if (isAbsent(type) || type === '') errors.push(requiredError('spec.type'));
  else if (!(SERVICE_TYPES as readonly string[]).includes(type)) errors.push(notSupportedError('spec.type', type, SERVICE_TYPES));

  if (type === 'ClusterIP') {
    for (const { item, index } of ports) {
      if (!isAbsent(item.nodePort) && item.nodePort !== 0) {
        errors.push(forbiddenError(childPath(indexPath('spec.ports', index), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
      }
    }
  }
  errors.push(...validateDuplicatePorts(ports));
  errors.push(...validateExternalTrafficPolicy(spec));
  errors.push(...validateInternalTrafficPolicy(spec, type));
  readBoolean(spec.publishNotReadyAddresses, 'spec.publishNotReadyAddresses', errors);
  readBoolean(spec.allocateLoadBalancerNodePorts, 'spec.allocateLoadBalancerNodePorts', errors);
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
    errors.push(forbiddenError('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errors;
}

function validateExternalName(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const clusterIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (clusterIPs.length > 0 || (typeof spec.clusterIP === 'string' && spec.clusterIP !== '')) {
    errors.push(forbiddenError('spec.clusterIPs', 'may not be set for ExternalName services'));
  }
  if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0) errors.push(forbiddenError('spec.ipFamilies', 'may not be set for ExternalName services'));
  if (!isAbsent(spec.ipFamilyPolicy)) errors.push(forbiddenError('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
  const externalName = readString(spec.externalName, 'spec.externalName', errors) ?? '';
  // The value (a CNAME) may end in a dot to mark it fully qualified.
  const cname = externalName.endsWith('.') ? externalName.slice(0, -1) : externalName;
  if (cname.length === 0) errors.push(requiredError('spec.externalName'));
  else errors.push(...isDns1123Subdomain(cname).map((msg) => invalidError('spec.externalName', cname, msg)));
  return errors;
}

function validateServicePort(port: JsonObject, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = readString(port.name, childPath(path, 'name'), errors) ?? '';
  if (requireName && name === '') errors.push(requiredError(childPath(path, 'name')));
  else if (name !== '') {
    errors.push(...isDns1123Label(name).map((msg) => invalidError(childPath(path, 'name'), name, msg)));
    if (names.has(name)) errors.push(duplicateError(childPath(path, 'name'), name));
    else names.add(name);
  }
  const number = readInteger(port.port, childPath(path, 'port'), errors);
  for (const msg of isValidPortNum(number ?? 0)) errors.push(invalidError(childPath(path, 'port'), number ?? 0, msg));
  const protocol = readString(port.protocol, childPath(path, 'protocol'), errors);
  if (!protocol) errors.push(requiredError(childPath(path, 'protocol')));
  else if (!(SERVICE_PROTOCOLS as readonly string[]).includes(protocol)) errors.push(notSupportedError(childPath(path, 'protocol'), protocol, SERVICE_PROTOCOLS));
  errors.push(...validatePortNumOrName(port.targetPort, childPath(path, 'targetPort')));
  const appProtocol = readString(port.appProtocol, childPath(path, 'appProtocol'), errors);
  if (appProtocol !== undefined) errors.push(...isQualifiedName(appProtocol).map((msg) => invalidError(childPath(path, 'appProtocol'), appProtocol, msg)));
  const nodePort = readInteger(port.nodePort, childPath(path, 'nodePort'), errors);
  if (nodePort !== undefined && nodePort !== 0) {
    for (const msg of isValidPortNum(nodePort)) errors.push(invalidError(childPath(path, 'nodePort'), nodePort, msg));
  }
  return errors;
}

function validateSessionAffinity(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const affinity = readString(spec.sessionAffinity, 'spec.sessionAffinity', errors);
  if (!affinity) errors.push(requiredError('spec.sessionAffinity'));
  else if (!(SESSION_AFFINITIES as readonly string[]).includes(affinity)) errors.push(notSupportedError('spec.sessionAffinity', affinity, SESSION_AFFINITIES));
  const path = 'spec.sessionAffinityConfig';
  if (affinity === 'ClientIP') {
    const when = 'when session affinity type is ClientIP';
    const config = readObject(spec.sessionAffinityConfig, path, errors);
    if (!config) return [...errors, requiredError(path, when)];
    const clientIP = readObject(config.clientIP, `${path}.clientIP`, errors);
    if (!clientIP) return [...errors, requiredError(`${path}.clientIP`, when)];
    const timeoutPath = `${path}.clientIP.timeoutSeconds`;
    const timeout = readInteger(clientIP.timeoutSeconds, timeoutPath, errors);
    if (timeout === undefined) return isAbsent(clientIP.timeoutSeconds) ? [...errors, requiredError(timeoutPath, when)] : errors;
    if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
      errors.push(invalidError(timeoutPath, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
    }
  } else if (affinity === 'None' && !isAbsent(spec.sessionAffinityConfig)) {
    errors.push(forbiddenError(path, 'must not be set when session affinity is None'));
  }
  return errors;
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs in step, families and policy known, IPs matching their families. */
function validateClusterIPsRelatedFields(spec: JsonObject, type: string | undefined): FieldError[] {
  if (type === 'ExternalName') return [];
  const errors: FieldError[] = [];
  const clusterIP = readString(spec.clusterIP, 'spec.clusterIP', errors) ?? '';
  const clusterIPs = readStringArray(spec.clusterIPs, 'spec.clusterIPs', errors) ?? [];
  const families = readStringArray(spec.ipFamilies, 'spec.ipFamilies', errors) ?? [];
  if (clusterIP !== '') {
    if (clusterIPs.length === 0) errors.push(requiredError('spec.clusterIPs'));
    else if (clusterIPs[0] !== clusterIP) errors.push(invalidError('spec.clusterIPs', clusterIPs, 'first value must match `clusterIP`'));
  } else if (clusterIPs.length > 0) {
    errors.push(invalidError('spec.clusterIPs', clusterIPs, 'must be empty when `clusterIP` is not specified'));
  }

  const seen = new Set<string>();
  families.forEach((family, i) => {
    if (!(IP_FAMILIES as readonly string[]).includes(family)) errors.push(notSupportedError(indexPath('spec.ipFamilies', i), family, IP_FAMILIES));
    if (seen.has(family)) errors.push(duplicateError(indexPath('spec.ipFamilies', i), family));
    seen.add(family);
  });
  const policy = readString(spec.ipFamilyPolicy, 'spec.ipFamilyPolicy', errors);
  if (policy !== undefined && !(IP_FAMILY_POLICIES as readonly string[]).includes(policy)) errors.push(notSupportedError('spec.ipFamilyPolicy', policy, IP_FAMILY_POLICIES));

  let invalidIPs = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (clusterIPs.length > 1) {
        invalidIPs = true;
        errors.push(invalidError('spec.clusterIPs', clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    if (!isValidIp(ip)) {
      invalidIPs = true;
      errors.push(invalidError(indexPath('spec.clusterIPs', i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
  });
  if (clusterIPs.length > 2) errors.push(invalidError('spec.clusterIPs', clusterIPs, 'may only hold up to 2 values'));
  // Bad addresses would skew the family checks below.
  if (invalidIPs) return errors;
  if (clusterIPs.length > 1 && ipFamily(clusterIPs[0]!) === ipFamily(clusterIPs[1]!)) {
    errors.push(invalidError('spec.clusterIPs', clusterIPs, 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(spec)) {
    clusterIPs.forEach((ip, i) => {
      if (i >= families.length) return;
      if (families[i] === 'IPv4' && ipFamily(ip) === 6)
        errors.push(invalidError(indexPath('spec.clusterIPs', i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && ipFamily(ip) !== 6)
        errors.push(invalidError(indexPath('spec.clusterIPs', i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errors;
}

/** Two ports may not share (protocol, port), nor (protocol, nodePort). */
function validateDuplicatePorts(ports: { item: JsonObject; index: number }[]): FieldError[] {
  const errors: FieldError[] = [];
  const nodePorts = new Set<string>();
  const servicePorts = new Set<string>();
  for (const { item, index } of ports) {
    const path = indexPath('spec.ports', index);
    if (typeof item.nodePort === 'number' && item.nodePort !== 0) {
      const key = `${item.protocol}/${item.nodePort}`;
      if (nodePorts.has(key)) errors.push(duplicateError(childPath(path, 'nodePort'), item.nodePort));
      nodePorts.add(key);
    }
    const key = `${item.protocol}/${item.port}`;
    if (servicePorts.has(key)) errors.push(duplicateError(path, { protocol: item.protocol, port: item.port }));
    servicePorts.add(key);
  }
  return errors;
}

function validateExternalTrafficPolicy(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const policy = readString(spec.externalTrafficPolicy, 'spec.externalTrafficPolicy', errors);
  if (isExternallyAccessible(spec)) {
    if (!policy) errors.push(requiredError('spec.externalTrafficPolicy'));
    else if (!(TRAFFIC_POLICIES as readonly string[]).includes(policy)) errors.push(notSupportedError('spec.externalTrafficPolicy', policy, TRAFFIC_POLICIES));
  } else if (policy) {
    errors.push(invalidError('spec.externalTrafficPolicy', policy, 'may only be set for externally-accessible services'));
  }
  const healthCheckNodePort = readInteger(spec.healthCheckNodePort, 'spec.healthCheckNodePort', errors) ?? 0;
  if (needsHealthCheck(spec)) {
    if (healthCheckNodePort !== 0) {
      for (const msg of isValidPortNum(healthCheckNodePort)) errors.push(invalidError('spec.healthCheckNodePort', healthCheckNodePort, msg));
    }
  } else if (healthCheckNodePort !== 0) {
    errors.push(invalidError('spec.healthCheckNodePort', healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  return errors;
}

function validateInternalTrafficPolicy(spec: JsonObject, type: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const policy = readString(spec.internalTrafficPolicy, 'spec.internalTrafficPolicy', errors);
  if (policy === undefined) {
    // Not forbidden for ExternalName (Kubernetes never checked it there), required elsewhere.
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errors.push(requiredError('spec.internalTrafficPolicy'));
  } else if (!(TRAFFIC_POLICIES as readonly string[]).includes(policy)) {
    errors.push(notSupportedError('spec.internalTrafficPolicy', policy, TRAFFIC_POLICIES));
  }
  return errors;
}

/** ValidateServiceUpdate: the primary clusterIP (and family) stay, unless the Service moves from or to ExternalName. */
export function validateServiceUpdate(next: { spec?: unknown }, prev: { spec?: unknown }): FieldError[] {
  const spec = isJsonObject(next.spec) ? next.spec : {};
  const old = isJsonObject(prev.spec) ? prev.spec : {};
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  const errors: FieldError[] = [];
  const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  const oldIps = Array.isArray(old.clusterIPs) ? old.clusterIPs : [];
  if ((spec.clusterIP ?? '') !== (old.clusterIP ?? '')) errors.push(invalidError('spec.clusterIP', spec.clusterIP ?? '', IMMUTABLE_ERROR));
  // Dual-stack upgrades/downgrades may add or drop the secondary address; the primary stays.
  if (ips.length === oldIps.length && ips.length > 1 && ips[1] !== oldIps[1]) errors.push(invalidError('spec.clusterIPs[1]', ips[1], IMMUTABLE_ERROR));
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
  const oldFamilies = Array.isArray(old.ipFamilies) ? old.ipFamilies : [];
  if (families.length > 0 && oldFamilies.length > 0 && families[0] !== oldFamilies[0]) {
    errors.push(invalidError('spec.ipFamilies[0]', families[0], 'may not change once set'));
  }
  return errors;
}
