/** The loose object shape the printers read, and Kubernetes JSON/YAML output. */
import YAML from 'yaml';

export interface Meta {
  name?: string | null;
  namespace?: string | null;
  uid?: string | null;
  resourceVersion?: string | null;
  generation?: number | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  ownerReferences?: { kind?: string; name?: string; controller?: boolean | null }[] | null;
  [key: string]: unknown;
}

export interface KubeObj {
  apiVersion?: string | null;
  kind?: string | null;
  metadata: Meta;
  // biome-ignore lint/suspicious/noExplicitAny: the printers read every kind's spec and status through this one loose shape (84 reads); typing them is the typed-model work of issue 9 (items 1 and 4), which replaces this type.
  [key: string]: any;
}

/** Drops nulls (GraphQL answers every unset field with null) so output reads like kubectl's. */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
    return out;
  }
  return value;
}

const OMIT_EMPTY_META = ['labels', 'annotations', 'ownerReferences', 'finalizers'];

/** apiVersion and kind first, as in Kubernetes output; empty metadata lists and maps are omitted, as Go's omitempty does. */
export function toManifest(obj: KubeObj, apiVersion: string, kind: string): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  const out = stripNulls({ apiVersion: obj.apiVersion ?? apiVersion, kind: obj.kind ?? kind, ...rest }) as { metadata: Record<string, unknown> };
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
