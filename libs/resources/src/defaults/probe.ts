import { isJsonObject, type JsonObject } from './json-object.js';

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP, for probes and hooks alike. */
export function applyHttpGetDefaults(handler: JsonObject): void {
  const httpGet = handler.httpGet;
  if (!isJsonObject(httpGet)) return;
  if (!httpGet.path) httpGet.path = '/';
  if (!httpGet.scheme) httpGet.scheme = 'HTTP';
}

/** SetDefaults_Probe. Zero counts as unset, as it does for Go's int32 fields. */
export function applyProbeDefaults(probe: JsonObject): void {
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  applyHttpGetDefaults(probe);
}
