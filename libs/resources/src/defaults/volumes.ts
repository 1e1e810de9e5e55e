import { isJsonObject, type JsonObject } from './json-object.js';

/** 0644, the file mode of projected ConfigMap and Secret files. */
const DEFAULT_FILE_MODE = 0o644;

/** SetDefaults_Volume and its sources: no source means an emptyDir. */
export function applyVolumeDefaults(volume: JsonObject): void {
  const hasSource = Object.keys(volume).some((k) => k !== 'name' && volume[k] !== undefined && volume[k] !== null);
  if (!hasSource) volume.emptyDir = {};
  for (const source of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const value = volume[source];
    if (isJsonObject(value) && (value.defaultMode === undefined || value.defaultMode === null)) value.defaultMode = DEFAULT_FILE_MODE;
  }
  const hostPath = volume.hostPath;
  if (isJsonObject(hostPath) && (hostPath.type === undefined || hostPath.type === null)) hostPath.type = '';
}
