import type { KindInfo, KubeObject } from '@wheelhouse/resources';

/** What label and field selectors look at: kept with each change so watches can tell an object leaving their filter. */
export interface SelectableSnapshot {
  labels: Record<string, string>;
  fields: Record<string, string>;
}

export function selectableSnapshot(kind: KindInfo, object: KubeObject): SelectableSnapshot {
  return {
    labels: object.metadata.labels ?? {},
    fields: {
      'metadata.name': object.metadata.name ?? '',
      'metadata.namespace': object.metadata.namespace ?? '',
      ...kind.selectableFields(object),
    },
  };
}
