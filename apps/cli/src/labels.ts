/** `k=v` / `k-` arguments of label and annotate, as a merge patch. */
import { UsageError } from './errors.js';

export interface LabelChanges {
  set: Record<string, string>;
  remove: string[];
}

export function parseLabelArgs(args: string[]): LabelChanges {
  const changes: LabelChanges = { set: {}, remove: [] };
  for (const arg of args) {
    if (arg.endsWith('-') && !arg.includes('=')) changes.remove.push(arg.slice(0, -1));
    else {
      const eq = arg.indexOf('=');
      if (eq <= 0) throw new UsageError(`invalid argument "${arg}": expected KEY=VALUE or KEY-`);
      changes.set[arg.slice(0, eq)] = arg.slice(eq + 1);
    }
  }
  if (Object.keys(changes.set).length === 0 && changes.remove.length === 0) throw new UsageError('at least one label update is required');
  return changes;
}

/** kubectl refuses to change an existing value without --overwrite. */
export function overwriteConflict(current: Record<string, string> | null | undefined, changes: LabelChanges): string | undefined {
  for (const [k, v] of Object.entries(changes.set)) {
    const existing = current?.[k];
    if (existing !== undefined && existing !== v) return `'${k}' already has a value (${existing}), and --overwrite is false`;
  }
  return undefined;
}

/** `{k: v, gone: null}`: null removes a key in a JSON merge patch. */
export const mergePatchOf = (changes: LabelChanges): Record<string, string | null> => ({
  ...Object.fromEntries(changes.remove.map((k) => [k, null])),
  ...changes.set,
});
