/** kubectl's DescribePodTemplate: what `describe deployment` and `rollout history --revision N` print of a template. */
import type { PodTemplateSpec, Toleration, Volume } from '@wheelhouse/model';
import { formatRows, mapText, type Row } from './format.js';
import { containersRows } from './sections.js';

/** `name:` then the volume's source, as kubectl's describeVolumes (the common sources). */
function volumeRows(volumes: readonly Volume[] | null | undefined): Row[] | string {
  if (!volumes?.length) return '<none>';
  return volumes.map((v): Row => {
    if (v.emptyDir)
      return [
        v.name ?? '',
        [
          ['Type', "EmptyDir (a temporary directory that shares a pod's lifetime)"],
          ['Medium', v.emptyDir.medium ?? ''],
          ['SizeLimit', v.emptyDir.sizeLimit ?? '<unset>'],
        ],
      ];
    if (v.hostPath)
      return [
        v.name ?? '',
        [
          ['Type', 'HostPath (bare host directory volume)'],
          ['Path', v.hostPath.path ?? ''],
          ['HostPathType', v.hostPath.type ?? ''],
        ],
      ];
    if (v.persistentVolumeClaim)
      return [
        v.name ?? '',
        [
          ['Type', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)'],
          ['ClaimName', v.persistentVolumeClaim.claimName ?? ''],
          ['ReadOnly', String(Boolean(v.persistentVolumeClaim.readOnly))],
        ],
      ];
    // configMap and secret are still untyped JSON objects in the schema.
    const source = v.configMap as { name?: string; optional?: boolean } | null | undefined;
    if (source)
      return [
        v.name ?? '',
        [
          ['Type', 'ConfigMap (a volume populated by a ConfigMap)'],
          ['Name', source.name ?? ''],
          ['Optional', String(Boolean(source.optional))],
        ],
      ];
    const secret = v.secret as { secretName?: string; optional?: boolean } | null | undefined;
    if (secret)
      return [
        v.name ?? '',
        [
          ['Type', 'Secret (a volume populated by a Secret)'],
          ['SecretName', secret.secretName ?? ''],
          ['Optional', String(Boolean(secret.optional))],
        ],
      ];
    return [v.name ?? '', [['Type', 'Unknown']]];
  });
}

/** kubectl's printTolerationsMultiline: `key=value:Effect`, ` op=Exists`, ` for Ns`, one per line. */
export function tolerationsText(tolerations: readonly Toleration[] | null | undefined): string {
  if (!tolerations?.length) return '<none>';
  return tolerations
    .map((t) => {
      let text = `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
      // An Exists toleration without a value; with neither key nor effect it tolerates everything.
      if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
      if (t.tolerationSeconds !== null && t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
      return text;
    })
    .join('\n');
}

/** The `Pod Template:` block, indented under its heading. */
export function podTemplateText(template: PodTemplateSpec | null | undefined): string {
  const annotations = Object.entries(template?.metadata?.annotations ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const rows: Row[] = [['Labels', mapText(template?.metadata?.labels)], ...(annotations ? [['Annotations', annotations] as Row] : [])];
  if (template?.spec?.serviceAccountName) rows.push(['Service Account', template.spec.serviceAccountName]);
  if (template?.spec?.initContainers?.length) rows.push(['Init Containers', containersRows(template.spec.initContainers)]);
  rows.push(
    ['Containers', containersRows(template?.spec?.containers ?? [])],
    ['Volumes', volumeRows(template?.spec?.volumes)],
    ['Node-Selectors', mapText(template?.spec?.nodeSelector)],
    ['Tolerations', tolerationsText(template?.spec?.tolerations)],
  );
  return `Pod Template:\n${formatRows(rows, 2)}`;
}
