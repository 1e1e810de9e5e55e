import { defaultImagePullPolicy } from './image-pull-policy.js';
import { cloneJson, isJsonObject, objectItems, setDefault, type JsonObject } from './json-object.js';
import { applyHttpGetDefaults, applyProbeDefaults } from './probe.js';
import { applyResourceDefaults } from './resources.js';

/** SetDefaults_Container and the defaults of everything a container holds. */
export function applyContainerDefaults(container: JsonObject, hostNetwork: boolean): void {
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  setDefault(container, 'imagePullPolicy', defaultImagePullPolicy(typeof container.image === 'string' ? container.image : ''));
  for (const port of objectItems(container, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    // On the host's network a container port is a host port (defaultHostNetworkPorts).
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  for (const env of objectItems(container, 'env')) {
    const valueFrom = env.valueFrom;
    if (isJsonObject(valueFrom) && isJsonObject(valueFrom.fieldRef)) setDefault(valueFrom.fieldRef, 'apiVersion', 'v1');
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const value = container[probe];
    if (isJsonObject(value)) applyProbeDefaults(value);
  }
  const lifecycle = container.lifecycle;
  if (isJsonObject(lifecycle)) {
    for (const hook of [lifecycle.postStart, lifecycle.preStop]) if (isJsonObject(hook)) applyHttpGetDefaults(hook);
  }
  applyResourceDefaults(container);
}

/** A defaulted copy of one container. */
export function defaultContainer<T>(container: T, hostNetwork = false): T {
  const copy = cloneJson(container);
  if (isJsonObject(copy)) applyContainerDefaults(copy, hostNetwork);
  return copy;
}
