import { applyContainerDefaults } from './container.js';
import { cloneJson, ensureObject, isJsonObject, objectItems, setDefault, type JsonObject } from './json-object.js';
import { applyVolumeDefaults } from './volumes.js';
import { addDefaultTolerations } from './default-tolerations.js';

/**
 * A pod with Kubernetes v1 defaults (pkg/apis/core/v1/defaults.go), plus what the
 * API server's admission adds in Kubernetes (service account `default`, priority 0,
 * the not-ready/unreachable tolerations, phase Pending). Returns a new object; the
 * input is never mutated.
 */
export function defaultPod<T>(pod: T): T {
  const copy = cloneJson(pod);
  if (!isJsonObject(copy)) return copy;
  const spec = ensureObject(copy, 'spec');
  if (spec) {
    applyPodSpecDefaults(spec);
    addDefaultTolerations(spec);
  }
  const status = ensureObject(copy, 'status');
  if (status) setDefault(status, 'phase', 'Pending');
  return copy;
}

/** A defaulted copy of a pod spec (also right for pod templates). */
export function defaultPodSpec<T>(spec: T): T {
  const copy = cloneJson(spec);
  if (isJsonObject(copy)) applyPodSpecDefaults(copy);
  return copy;
}

function applyPodSpecDefaults(spec: JsonObject): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'priority', 0);
  // serviceAccount is the deprecated spelling of serviceAccountName.
  setDefault(spec, 'serviceAccountName', typeof spec.serviceAccount === 'string' && spec.serviceAccount ? spec.serviceAccount : 'default');
  const hostNetwork = spec.hostNetwork === true;
  for (const container of [...objectItems(spec, 'initContainers'), ...objectItems(spec, 'containers')]) {
    applyContainerDefaults(container, hostNetwork);
  }
  for (const volume of objectItems(spec, 'volumes')) applyVolumeDefaults(volume);
}
