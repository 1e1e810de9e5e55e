import { changedPaths } from './revision-diff.ts';

export interface ObjectRevision {
  revision: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  timestamp: string;
  actor?: string | null;
  uid: string;
  object: Record<string, unknown>;
}

export interface RevisionRow extends ObjectRevision {
  /** What changed since the previous revision of the same object (uid), e.g. `spec.replicas`. */
  changes: string[];
}

/** Revisions oldest first, each with the paths it changed (a new uid starts over: a new object of the same name). */
export function summarizeRevisions(revisions: readonly ObjectRevision[]): RevisionRow[] {
  return revisions.map((r, i) => {
    const previous = revisions[i - 1];
    if (r.type === 'ADDED' || !previous || previous.uid !== r.uid) return { ...r, changes: [] };
    if (r.type === 'DELETED') return { ...r, changes: [] };
    return { ...r, changes: changedPaths(previous.object, r.object) };
  });
}

/** The default pair to compare: the newest revision against the one before it. */
export function defaultPair(revisions: readonly { revision: string }[]): [string, string] | undefined {
  if (revisions.length === 0) return undefined;
  const newest = revisions.at(-1)!.revision;
  const before = revisions.at(-2)?.revision ?? newest;
  return [before, newest];
}

/** Two selected revisions ordered older first, whatever order they were picked in. */
export function orderPair(a: string, b: string): [string, string] {
  return BigInt(a) <= BigInt(b) ? [a, b] : [b, a];
}

/** Revisions read so far plus newly read ones, oldest first, each once (reads may overlap). */
export function mergeRevisions<T extends { revision: string }>(known: readonly T[], incoming: readonly T[]): T[] {
  const byRevision = new Map(known.map((r) => [r.revision, r]));
  for (const r of incoming) byRevision.set(r.revision, r);
  return [...byRevision.values()].sort((a, b) => (BigInt(a.revision) < BigInt(b.revision) ? -1 : BigInt(a.revision) > BigInt(b.revision) ? 1 : 0));
}
