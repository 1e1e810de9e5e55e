import { changedPaths } from '../history/revision-diff.ts';
import { editableManifest } from './editable.ts';

export interface EditConflict {
  /** resourceVersion the editor started from, and the latest. */
  from?: string;
  to?: string;
  /** Fields of the manifest someone else changed meanwhile, e.g. `spec.replicas`. */
  fields: string[];
}

type Obj = Record<string, unknown>;
const versionOf = (o: Obj) => (o.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;

/**
 * Whether the object changed since the editor loaded it, in a way the edit could
 * overwrite: a newer resourceVersion whose manifest (spec, labels, annotations...)
 * differs. Status-only writes by controllers are not a conflict for an apply.
 */
export function editConflict(loaded: Obj | undefined, latest: Obj | undefined): EditConflict | undefined {
  if (!loaded || !latest) return undefined;
  const from = versionOf(loaded);
  const to = versionOf(latest);
  if (from === to) return undefined;
  const fields = changedPaths(editableManifest(loaded), editableManifest(latest));
  return fields.length ? { from, to, fields } : undefined;
}
