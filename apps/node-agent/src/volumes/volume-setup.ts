// A pod's spec.volumes → what the runtime sets up (pure). ConfigMap, Secret, downward API
// and projected volumes become file lists as the kubelet's volume plugins make their
// payloads (configmap.MakePayload, secret.MakePayload, downwardapi.CollectData,
// projected.collectData); a missing object or key fails with the kubelet's message.
import { quantityToBytes } from '@wheelhouse/resources';
import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '@wheelhouse/model';
import { resolveFieldRef } from '../container-env/field-ref.js';
import { resolveResourceFieldRef } from '../container-env/resource-field-ref.js';
import type { ConfigObjects, EnvRuntimeValues } from '../container-env/types.js';
import type { VolumeFile, VolumeSetup } from '../runtime/runtime.js';

/** A volume that cannot be set up now (missing ConfigMap, Secret or key): the pod waits, FailedMount. */
export class VolumeSetupError extends Error {
  constructor(
    readonly volume: string,
    detail: string,
  ) {
    super(`MountVolume.SetUp failed for volume "${volume}" : ${detail}`);
  }
}

interface KeyToPath {
  key?: string | null;
  path?: string | null;
  mode?: number | null;
}
interface ObjectProjection {
  name?: string | null;
  secretName?: string | null;
  items?: KeyToPath[] | null;
  optional?: boolean | null;
  defaultMode?: number | null;
}
interface DownwardItem {
  path?: string | null;
  mode?: number | null;
  fieldRef?: { fieldPath?: string | null } | null;
  resourceFieldRef?: { containerName?: string | null; resource?: string | null; divisor?: string | number | null } | null;
}
interface ProjectionSource {
  configMap?: ObjectProjection | null;
  secret?: ObjectProjection | null;
  downwardAPI?: { items?: DownwardItem[] | null } | null;
}

export const DEFAULT_FILE_MODE = 0o644;

/** The claims and volumes the node sees (its informers' caches). */
export interface ClaimLister {
  claim(namespace: string, name: string): PersistentVolumeClaim | undefined;
  volume(name: string): PersistentVolume | undefined;
}

/** What a volume plugin reads beside the pod. */
export interface VolumeSources {
  configObjects?: ConfigObjects;
  claims?: ClaimLister;
  /** Pod IP, node name and allocatable for downward API resource fields. */
  runtime: EnvRuntimeValues;
}

/** Every volume of the pod, in spec order; throws VolumeSetupError for the first that cannot be set up. */
export function volumeSetups(pod: Pod, sources: VolumeSources): VolumeSetup[] {
  return (pod.spec?.volumes ?? []).map((volume) => volumeSetup(pod, volume, sources));
}

/** True when the volume's files come from the API (they are rewritten when it changes). */
export function isProjectedVolume(volume: Volume): boolean {
  return Boolean(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
}

function volumeSetup(pod: Pod, volume: Volume, sources: VolumeSources): VolumeSetup {
  const name = volume.name ?? '';
  if (volume.emptyDir) {
    const limit = volume.emptyDir.sizeLimit;
    const bytes = limit === undefined || limit === null ? undefined : quantityToBytes(String(limit));
    const medium = volume.emptyDir.medium === 'Memory' ? 'Memory' : '';
    return bytes === undefined || bytes === null ? { name, type: 'emptyDir', medium } : { name, type: 'emptyDir', medium, sizeLimitBytes: Number(bytes) };
  }
  if (volume.hostPath) return { name, type: 'hostPath', path: volume.hostPath.path ?? '', hostPathType: volume.hostPath.type ?? '' };
  if (volume.persistentVolumeClaim) return claimVolume(name, pod.metadata.namespace ?? '', volume.persistentVolumeClaim.claimName ?? '', sources);
  const files = new Map<string, VolumeFile>();
  const add = (list: VolumeFile[]) => {
    for (const file of list) files.set(file.path, file);
  };
  const namespace = pod.metadata.namespace ?? '';
  const modeOf = (source: { defaultMode?: number | null }) => source.defaultMode ?? DEFAULT_FILE_MODE;
  if (volume.configMap) {
    const source = volume.configMap as ObjectProjection;
    add(configMapFiles(name, namespace, source, modeOf(source), sources));
  } else if (volume.secret) {
    const source = volume.secret as ObjectProjection;
    add(secretFiles(name, namespace, source, modeOf(source), sources));
  } else if (volume.downwardAPI) {
    const source = volume.downwardAPI as { items?: DownwardItem[] | null; defaultMode?: number | null };
    add(downwardFiles(name, pod, source.items ?? [], modeOf(source), sources));
  } else if (volume.projected) {
    const projected = volume.projected as { sources?: ProjectionSource[] | null; defaultMode?: number | null };
    const mode = modeOf(projected);
    for (const source of projected.sources ?? []) {
      if (source.configMap) add(configMapFiles(name, namespace, source.configMap, mode, sources));
      else if (source.secret) add(secretFiles(name, namespace, source.secret, mode, sources));
      else if (source.downwardAPI) add(downwardFiles(name, pod, source.downwardAPI.items ?? [], mode, sources));
      // Validation admits no other projection source.
      else throw new VolumeSetupError(name, 'unsupported projection source');
    }
  } else {
    // Validation admits no other source; a pod stored before that rule is refused, never half-run.
    throw new VolumeSetupError(
      name,
      `volume type is not supported: ${Object.keys(volume)
        .filter((k) => k !== 'name')
        .join(', ')}`,
    );
  }
  // The kubelet backs secret and projected volumes with a tmpfs: their files never touch the disk.
  const inMemory = Boolean(volume.secret || volume.projected);
  return { name, type: 'files', files: [...files.values()], ...(inMemory ? { inMemory } : {}) };
}

/** A claim's bound volume, mounted from where it lives on this node (hostPath, or local: which must exist). */
function claimVolume(name: string, namespace: string, claimName: string, sources: VolumeSources): VolumeSetup {
  const claim = sources.claims?.claim(namespace, claimName);
  if (!claim) throw new VolumeSetupError(name, `persistentvolumeclaim "${claimName}" not found`);
  const volumeName = claim.spec?.volumeName;
  if (!volumeName || claim.status?.phase !== 'Bound') throw new VolumeSetupError(name, `persistentvolumeclaim "${claimName}" is not bound`);
  const pv = sources.claims?.volume(volumeName);
  if (!pv) throw new VolumeSetupError(name, `persistentvolume "${volumeName}" not found`);
  if (pv.spec?.hostPath) return { name, type: 'hostPath', path: pv.spec.hostPath.path ?? '', hostPathType: pv.spec.hostPath.type ?? '' };
  if (pv.spec?.local) return { name, type: 'hostPath', path: pv.spec.local.path ?? '', hostPathType: 'Directory' };
  throw new VolumeSetupError(name, `persistentvolume "${volumeName}" has no volume source this node can mount`);
}

/** Keys → files: every key, or the listed items (a missing key is an error unless optional). */
function payload(volume: string, data: Map<string, Buffer>, projection: ObjectProjection, defaultMode: number, missingKey: (key: string) => string): VolumeFile[] {
  if (!projection.items?.length) return [...data.entries()].map(([key, value]) => ({ path: key, data: value, mode: defaultMode }));
  const files: VolumeFile[] = [];
  for (const item of projection.items) {
    const value = data.get(item.key ?? '');
    if (!value) {
      if (projection.optional) continue;
      throw new VolumeSetupError(volume, missingKey(item.key ?? ''));
    }
    files.push({ path: item.path ?? '', data: value, mode: item.mode ?? defaultMode });
  }
  return files;
}

function configMapFiles(volume: string, namespace: string, projection: ObjectProjection, defaultMode: number, sources: VolumeSources): VolumeFile[] {
  const name = projection.name ?? '';
  const object = sources.configObjects?.configMap(namespace, name);
  if (!object) {
    if (projection.optional) return [];
    throw new VolumeSetupError(volume, `configmap "${name}" not found`);
  }
  const data = new Map<string, Buffer>();
  for (const [key, value] of Object.entries(object.data ?? {})) data.set(key, Buffer.from(value, 'utf8'));
  for (const [key, value] of Object.entries(object.binaryData ?? {})) data.set(key, Buffer.from(value, 'base64'));
  return payload(volume, data, projection, defaultMode, (key) => `configmap references non-existent config key: ${key}`);
}

function secretFiles(volume: string, namespace: string, projection: ObjectProjection, defaultMode: number, sources: VolumeSources): VolumeFile[] {
  const name = projection.secretName ?? projection.name ?? '';
  const object = sources.configObjects?.secret(namespace, name);
  if (!object) {
    if (projection.optional) return [];
    throw new VolumeSetupError(volume, `secret "${name}" not found`);
  }
  const data = new Map<string, Buffer>();
  for (const [key, value] of Object.entries(object.data ?? {})) data.set(key, Buffer.from(value, 'base64'));
  return payload(volume, data, projection, defaultMode, (key) => `references non-existent secret key: ${key}`);
}

/** fieldpath.FormatMap: `key="value"` lines, sorted by key. */
export function formatMap(map: Record<string, string> | null | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((key) => `${key}=${JSON.stringify(map![key])}`)
    .join('\n');
}

function downwardFiles(volume: string, pod: Pod, items: DownwardItem[], defaultMode: number, sources: VolumeSources): VolumeFile[] {
  return items.map((item) => {
    let value: string;
    try {
      value = downwardValue(pod, item, sources.runtime);
    } catch (error) {
      throw new VolumeSetupError(volume, (error as Error).message);
    }
    return { path: item.path ?? '', data: Buffer.from(value, 'utf8'), mode: item.mode ?? defaultMode };
  });
}

function downwardValue(pod: Pod, item: DownwardItem, runtime: EnvRuntimeValues): string {
  const fieldPath = item.fieldRef?.fieldPath;
  if (fieldPath === 'metadata.labels') return formatMap(pod.metadata.labels);
  if (fieldPath === 'metadata.annotations') return formatMap(pod.metadata.annotations);
  if (fieldPath) return resolveFieldRef(fieldPath, pod, runtime);
  const ref = item.resourceFieldRef!;
  const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName);
  if (!container) throw new Error(`container ${ref.containerName} not found`);
  return resolveResourceFieldRef({ ...ref, divisor: ref.divisor === undefined || ref.divisor === null ? undefined : String(ref.divisor) } as never, pod, container, runtime);
}
