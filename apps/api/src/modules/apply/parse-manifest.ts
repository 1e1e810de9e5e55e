import { parseAllDocuments } from 'yaml';
import { ApiError } from '@wheelhouse/resources';
import { assertDepth, MAX_INPUT_DEPTH } from '../../limits/input-depth.js';

/** Aliases one document may expand (yaml's default is 100 too; said here because it is a limit we rely on). */
const MAX_ALIAS_COUNT = 100;

/**
 * yaml throws (not reports) on alias bombs, and overflows the stack on documents
 * nested thousands deep: both are the user's input, so BAD_USER_INPUT on `manifest`.
 */
function guarded<T>(where: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : error instanceof Error ? error.message : String(error);
    throw new ApiError('BAD_USER_INPUT', `manifest: ${where}: ${reason.slice(0, 200)}`, 'manifest');
  }
}

export interface ManifestDocument {
  /** Position among the non-empty documents, from 0. */
  index: number;
  object: Record<string, unknown>;
}

/** YAML or JSON, one or many documents (`---`); `kind: List` is expanded to its items. */
export function parseManifest(text: string): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  const documents = guarded('the manifest could not be parsed', () => parseAllDocuments(text));
  for (const [position, doc] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      throw new ApiError('BAD_USER_INPUT', `manifest: document ${position}: ${error.message}`, 'manifest');
    }
    // yaml refuses alias expansions past maxAliasCount ("Excessive alias count indicates a resource exhaustion attack").
    const value = guarded(`document ${position}`, () => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) as unknown;
    assertDepth(value, MAX_INPUT_DEPTH, 'manifest');
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
