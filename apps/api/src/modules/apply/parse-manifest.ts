import { parseAllDocuments } from 'yaml';
import { ApiError } from '@wheelhouse/resources';

export interface ManifestDocument {
  /** Position among the non-empty documents, from 0. */
  index: number;
  object: Record<string, unknown>;
}

/** YAML or JSON, one or many documents (`---`); `kind: List` is expanded to its items. */
export function parseManifest(text: string): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  const documents = parseAllDocuments(text);
  for (const [position, doc] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      throw new ApiError('BAD_USER_INPUT', `manifest: document ${position}: ${error.message}`, 'manifest');
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ApiError('BAD_USER_INPUT', `manifest: document ${position}: expected an object with apiVersion and kind`, 'manifest');
    }
    const object = value as Record<string, unknown>;
    if (object.kind === 'List' && Array.isArray(object.items)) {
      for (const item of object.items as Record<string, unknown>[]) out.push({ index: out.length, object: item });
    } else out.push({ index: out.length, object });
  }
  return out;
}
