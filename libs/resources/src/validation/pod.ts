import { duplicateError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { validateContainer, type ContainerContext } from './container.js';
import { validateUniqueHostPorts } from './container-ports.js';
import { validatePodDns } from './dns-config.js';
import { childPath, indexPath } from './field-path.js';
import { isAbsent, readArray, readBoolean, readInteger, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { validateIp } from './ip.js';
import { validateLabels } from './labels.js';
import { inclusiveRangeError, NEGATIVE_ERROR } from './messages.js';
import { isDns1123Label, isDns1123Subdomain } from './names.js';
import { validateTolerations } from './tolerations.js';
import { validateVolumes } from './volumes.js';

export const RESTART_POLICIES: readonly string[] = ['Always', 'OnFailure', 'Never'];
const MAX_INT32 = 2_147_483_647;
const DEFAULT_GRACE_PERIOD_SECONDS = 30;

/** ValidateHostAliases: a valid IP and DNS-subdomain host names for each entry. */
function validateHostAliases(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const { item, index } of readObjectArray(value, path, errors)) {
    const entryPath = indexPath(path, index);
    const ip = readString(item.ip, childPath(entryPath, 'ip'), errors);
    if (!ip) errors.push(requiredError(childPath(entryPath, 'ip')));
    else errors.push(...validateIp(ip, childPath(entryPath, 'ip')));
    (readStringArray(item.hostnames, childPath(entryPath, 'hostnames'), errors) ?? []).forEach((hostname, i) => {
      errors.push(...isDns1123Subdomain(hostname).map((msg) => invalidError(indexPath(childPath(entryPath, 'hostnames'), i), hostname, msg)));
    });
  }
  return errors;
}

/**
 * A pod's spec (ValidatePodSpec). Fields that defaulting fills in (restartPolicy,
 * dnsPolicy, protocols, probe timings...) may be unset; when set they must be valid.
 */
export function validatePodSpec(spec: unknown, path = 'spec'): FieldError[] {
  const errors: FieldError[] = [];
  const s: JsonObject = readObject(spec, path, errors) ?? {};

  const volumes = validateVolumes(s.volumes, childPath(path, 'volumes'));
  errors.push(...volumes.errors);
  const grace = readInteger(s.terminationGracePeriodSeconds, childPath(path, 'terminationGracePeriodSeconds'), errors);
  if (grace !== undefined && grace < 0) errors.push(invalidError(childPath(path, 'terminationGracePeriodSeconds'), grace, NEGATIVE_ERROR));
  const context: Omit<ContainerContext, 'init'> = {
    volumeNames: volumes.names,
    gracePeriodSeconds: grace !== undefined && grace >= 0 ? grace : DEFAULT_GRACE_PERIOD_SECONDS,
    hostNetwork: readBoolean(s.hostNetwork, childPath(path, 'hostNetwork'), errors) === true,
  };
  errors.push(...validateContainerLists(s, path, context));

  const restartPolicy = readString(s.restartPolicy, childPath(path, 'restartPolicy'), errors);
  if (restartPolicy !== undefined && !RESTART_POLICIES.includes(restartPolicy)) {
    errors.push(restartPolicy === '' ? requiredError(childPath(path, 'restartPolicy')) : notSupportedError(childPath(path, 'restartPolicy'), restartPolicy, RESTART_POLICIES));
  }
  errors.push(...validatePodDns(s.dnsPolicy, s.dnsConfig, path));
  const deadline = readInteger(s.activeDeadlineSeconds, childPath(path, 'activeDeadlineSeconds'), errors);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errors.push(invalidError(childPath(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  errors.push(...validateLabels(s.nodeSelector, childPath(path, 'nodeSelector')));
  errors.push(...validateTolerations(s.tolerations, childPath(path, 'tolerations')));
  errors.push(...validateOptionalName(s.nodeName, childPath(path, 'nodeName'), isDns1123Subdomain, errors));
  errors.push(...validateOptionalName(s.serviceAccountName, childPath(path, 'serviceAccountName'), isDns1123Subdomain, errors));
  errors.push(...validateOptionalName(s.schedulerName, childPath(path, 'schedulerName'), isDns1123Subdomain, errors));
  errors.push(...validateOptionalName(s.priorityClassName, childPath(path, 'priorityClassName'), isDns1123Subdomain, errors));
  errors.push(...validateOptionalName(s.hostname, childPath(path, 'hostname'), isDns1123Label, errors));
  errors.push(...validateOptionalName(s.subdomain, childPath(path, 'subdomain'), isDns1123Label, errors));
  errors.push(...validateHostAliases(s.hostAliases, childPath(path, 'hostAliases')));
  readInteger(s.priority, childPath(path, 'priority'), errors);
  for (const flag of ['hostPID', 'hostIPC', 'enableServiceLinks', 'automountServiceAccountToken']) {
    readBoolean(s[flag], childPath(path, flag), errors);
  }
  return errors;
}

/**
 * containers (at least one) and initContainers, with names unique across both.
 * As in Kubernetes, a clash is reported on the init container.
 */
function validateContainerLists(spec: JsonObject, path: string, context: Omit<ContainerContext, 'init'>): FieldError[] {
  const errors: FieldError[] = [];
  const containersPath = childPath(path, 'containers');
  const initPath = childPath(path, 'initContainers');
  const raw = readArray(spec.containers, containersPath, errors);
  if (isAbsent(spec.containers) || raw?.length === 0) errors.push(requiredError(containersPath));
  const containers = readObjectArray(raw, containersPath, errors);
  const initContainers = readObjectArray(spec.initContainers, initPath, errors);

  const names = new Set<string>();
  for (const { item, index } of containers) {
    const containerPath = indexPath(containersPath, index);
    errors.push(...validateContainer(item, containerPath, { ...context, init: false }));
    errors.push(...checkUniqueName(item, containerPath, names));
  }
  for (const { item, index } of initContainers) {
    const containerPath = indexPath(initPath, index);
    errors.push(...validateContainer(item, containerPath, { ...context, init: true }));
    errors.push(...checkUniqueName(item, containerPath, names));
    // Init containers run one at a time, so each only has to avoid itself.
    errors.push(...validateUniqueHostPorts([{ item, index }], initPath, new Set()));
  }
  errors.push(...validateUniqueHostPorts(containers, containersPath, new Set()));
  return errors;
}

function checkUniqueName(container: JsonObject, path: string, names: Set<string>): FieldError[] {
  const name = container.name;
  if (typeof name !== 'string' || !name) return [];
  if (names.has(name)) return [duplicateError(childPath(path, 'name'), name)];
  names.add(name);
  return [];
}

function validateOptionalName(value: unknown, path: string, rule: (name: string) => string[], typeErrors: FieldError[]): FieldError[] {
  const name = readString(value, path, typeErrors);
  return name ? rule(name).map((msg) => invalidError(path, name, msg)) : [];
}
