/** `-o` formats shared by get and the mutating verbs. */
import type { KindInfo } from '@wheelhouse/resources';
import { UsageError } from '../errors.js';
import { qualifiedKind } from '../kinds.js';
import type { Columns } from './columns.js';
import { parseCustomColumns } from './custom-columns.js';
import { parseJsonPath, type JsonPathTemplate } from './jsonpath.js';
import { asDocument, toJson, toManifest, toYaml, type KubeObj } from './object.js';

export type OutputFormat = { kind: 'table' | 'wide' | 'yaml' | 'json' | 'name' } | { kind: 'jsonpath'; template: JsonPathTemplate } | { kind: 'custom-columns'; columns: Columns };

const PLAIN = new Set(['wide', 'yaml', 'json', 'name']);

export function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return { kind: 'table' };
  if (PLAIN.has(value)) return { kind: value as 'wide' | 'yaml' | 'json' | 'name' };
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  if (name === 'jsonpath') {
    if (!arg) throw new UsageError('template format specified but no template given');
    return { kind: 'jsonpath', template: parseJsonPath(arg) };
  }
  if (name === 'custom-columns') return { kind: 'custom-columns', columns: parseCustomColumns(arg) };
  throw new UsageError(`unable to match a printer suitable for the output format "${value}", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml`);
}

/** `pod/x`, `deployment.apps/web`. */
export const nameOf = (kind: KindInfo, o: KubeObj) => `${qualifiedKind(kind)}/${o.metadata.name ?? ''}`;

/** The Kubernetes document of objects that may be of several kinds: one object, or a v1 List. */
export function documentOf(entries: { kind: KindInfo; object: KubeObj }[], single: boolean): unknown {
  return asDocument(
    entries.map(({ kind, object }) => toManifest(object, kind.apiVersion, kind.kind)),
    single,
  );
}

/** yaml/json of objects that may be of several kinds. */
export function printDocuments(entries: { kind: KindInfo; object: KubeObj }[], format: 'yaml' | 'json', single: boolean): string {
  const doc = documentOf(entries, single);
  return format === 'json' ? toJson(doc) : toYaml(doc);
}
