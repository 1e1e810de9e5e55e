/** The loose object shape the printers read, and Kubernetes JSON/YAML output. */
import { type KubeObject, stripNulls } from '@wheelhouse/model';
import YAML from 'yaml';

/**
 * An object as `wh` reads it: the model's common part (metadata typed once, in
 * @wheelhouse/model) and the kind's own fields, read loosely by code generic over kinds.
 * Typed printers take the model's kind types (`Pod`, `Node`) from @wheelhouse/printers.
 */
// biome-ignore lint/suspicious/noExplicitAny: commands generic over kinds read any kind's fields (spec.replicas, status.phase); typed code uses the model's kind types
export type KubeObj = KubeObject & { [key: string]: any };

/** Drops nulls (GraphQL answers every unset field with null) so output reads like kubectl's. */
export { stripNulls };

const OMIT_EMPTY_META = ['labels', 'annotations', 'ownerReferences', 'finalizers'];

/** apiVersion and kind first, as in Kubernetes output; empty metadata lists and maps are omitted, as Go's omitempty does. */
export function toManifest(obj: KubeObj, apiVersion: string, kind: string): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  const out: Record<string, unknown> & { metadata: Record<string, unknown> } = stripNulls({
    apiVersion: obj.apiVersion ?? apiVersion,
    kind: obj.kind ?? kind,
    ...rest,
    metadata: { ...obj.metadata },
  });
  for (const key of OMIT_EMPTY_META) {
    const v = out.metadata?.[key];
    if (v && typeof v === 'object' && Object.keys(v).length === 0) delete out.metadata[key];
  }
  return out;
}

/** One object as itself, several (or any listing) as a v1 List, like `kubectl get -o`. */
export function asDocument(items: Record<string, unknown>[], single: boolean): unknown {
  if (single && items.length === 1) return items[0];
  return { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } };
}

export const toJson = (doc: unknown) => `${JSON.stringify(doc, null, 4)}\n`;
export const toYaml = (doc: unknown) => YAML.stringify(doc, { lineWidth: 0 });
