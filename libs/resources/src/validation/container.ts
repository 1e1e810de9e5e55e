import { forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { validateContainerPorts } from './container-ports.js';
import { validateEnv, validateEnvFrom } from './env.js';
import { childPath } from './field-path.js';
import { isJsonObject, readBoolean, readString, readStringArray, type JsonObject } from './json.js';
import { validateLifecycle } from './lifecycle.js';
import { isDns1123Label } from './names.js';
import { forbidOnInitContainer, validateProbe, type ProbeKind } from './probe.js';
import { validateResourceRequirements } from './resource-requirements.js';
import { validateVolumeMounts } from './volume-mounts.js';

export const PULL_POLICIES: readonly string[] = ['Always', 'IfNotPresent', 'Never'];
export const TERMINATION_MESSAGE_POLICIES: readonly string[] = ['File', 'FallbackToLogsOnError'];
const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

export interface ContainerContext {
  /** Init containers run to completion before the app containers, unless they are sidecars. */
  init: boolean;
  /** Names of the pod's volumes, for volumeMounts. */
  volumeNames: ReadonlySet<string>;
  /** The pod's termination grace period, which bounds sleep hooks. */
  gracePeriodSeconds: number;
  hostNetwork: boolean;
}

/**
 * One container (validateContainerCommon plus the per-list rules). Name uniqueness
 * is checked by the pod, which sees every list.
 */
export function validateContainer(container: JsonObject, path: string, context: ContainerContext): FieldError[] {
  const errors: FieldError[] = [];
  const name = readString(container.name, childPath(path, 'name'), errors) ?? '';
  if (!name) errors.push(requiredError(childPath(path, 'name')));
  else errors.push(...isDns1123Label(name).map((msg) => invalidError(childPath(path, 'name'), name, msg)));

  const image = readString(container.image, childPath(path, 'image'), errors);
  if (!image) errors.push(requiredError(childPath(path, 'image')));
  readStringArray(container.command, childPath(path, 'command'), errors);
  readStringArray(container.args, childPath(path, 'args'), errors);
  readString(container.workingDir, childPath(path, 'workingDir'), errors);
  readString(container.terminationMessagePath, childPath(path, 'terminationMessagePath'), errors);
  // Unset policies are filled in by defaulting; anything set must be known.
  errors.push(...validateEnum(container.imagePullPolicy, childPath(path, 'imagePullPolicy'), PULL_POLICIES, errors));
  errors.push(...validateEnum(container.terminationMessagePolicy, childPath(path, 'terminationMessagePolicy'), TERMINATION_MESSAGE_POLICIES, errors));

  errors.push(...validateContainerPorts(container.ports, childPath(path, 'ports'), context.hostNetwork));
  errors.push(...validateEnv(container.env, childPath(path, 'env')));
  errors.push(...validateEnvFrom(container.envFrom, childPath(path, 'envFrom')));
  errors.push(...validateResourceRequirements(container.resources, childPath(path, 'resources')));
  const securityContext = isJsonObject(container.securityContext) ? container.securityContext : {};
  const privileged = readBoolean(securityContext.privileged, childPath(path, 'securityContext.privileged'), errors) === true;
  errors.push(...validateVolumeMounts(container.volumeMounts, childPath(path, 'volumeMounts'), context.volumeNames, privileged));
  errors.push(...validateRestartPolicyAndHooks(container, path, context));
  return errors;
}

/**
 * Probes and lifecycle hooks belong to long-running containers: app containers and
 * "sidecar" init containers (restartPolicy: Always). A container-level restartPolicy
 * exists only for init containers.
 */
function validateRestartPolicyAndHooks(container: JsonObject, path: string, context: ContainerContext): FieldError[] {
  const errors: FieldError[] = [];
  const restartPolicyPath = childPath(path, 'restartPolicy');
  const restartPolicy = readString(container.restartPolicy, restartPolicyPath, errors);
  let longRunning = !context.init;
  if (restartPolicy !== undefined) {
    if (!context.init) errors.push(forbiddenError(restartPolicyPath, 'may not be set for non-init containers'));
    else if (restartPolicy !== 'Always') errors.push(notSupportedError(restartPolicyPath, restartPolicy, ['Always']));
    else longRunning = true;
  }
  for (const probe of PROBES) {
    const probePath = childPath(path, probe);
    if (longRunning) errors.push(...validateProbe(container[probe], probe, probePath, context.gracePeriodSeconds));
    else errors.push(...forbidOnInitContainer(container[probe], probePath));
  }
  if (longRunning) errors.push(...validateLifecycle(container.lifecycle, childPath(path, 'lifecycle'), context.gracePeriodSeconds));
  else errors.push(...forbidOnInitContainer(container.lifecycle, childPath(path, 'lifecycle')));
  return errors;
}

function validateEnum(value: unknown, path: string, supported: readonly string[], typeErrors: FieldError[]): FieldError[] {
  const text = readString(value, path, typeErrors);
  return text === undefined || supported.includes(text) ? [] : [notSupportedError(path, text, supported)];
}
