/** `-o` formats shared by get and the mutating verbs. */
import type { KindInfo } from '@wheelhouse/resources';
import { UsageError } from '../errors.js';
import { qualifiedKind } from '../kinds.js';
import { asDocument, toJson, toManifest, toYaml, type KubeObj } from './object.js';

export type OutputFormat = 'table' | 'wide' | 'yaml' | 'json' | 'name';

export function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'table';
  if (value === 'wide' || value === 'yaml' || value === 'json' || value === 'name') return value;
  throw new UsageError(`unable to match a printer suitable for the output format "${value}", allowed formats are: json,name,wide,yaml`);
}

/** `pod/x`, `deployment.apps/web`. */
export const nameOf = (kind: KindInfo, o: KubeObj) => `${qualifiedKind(kind)}/${o.metadata.name ?? ''}`;

/** yaml/json of objects that may be of several kinds. */
export function printDocuments(entries: { kind: KindInfo; object: KubeObj }[], format: 'yaml' | 'json', single: boolean): string {
  const items = entries.map(({ kind, object }) => toManifest(object, kind.apiVersion, kind.kind));
  const doc = asDocument(items, single);
  return format === 'json' ? toJson(doc) : toYaml(doc);
}
