// The parts of ControllerRevision history both the controllers and `wh rollout` need: what a
// revision stores (a patch replacing the pod template), its order, and kubectl's findHistory.
import { jsonEqual } from '../validation/json-diff.js';

/** apps.ControllerRevisionHashLabelKey (DefaultDaemonSetUniqueLabelKey): on revisions and on pods. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

export interface RevisionLike {
  metadata: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  data?: unknown;
  revision?: number;
}

/**
 * getPatch: what a revision stores, a strategic merge patch that puts the template back
 * (`$patch: replace` so nothing of a later template survives a rollback).
 */
export function templatePatch<T extends object>(template: T | undefined): Record<string, unknown> {
  return { spec: { template: { ...(template ?? {}), $patch: 'replace' } } };
}

/** The template a revision restores (its patch without the directive). */
export function templateOfRevision(revision: Pick<RevisionLike, 'data'>): Record<string, unknown> | undefined {
  const template = (revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!template) return undefined;
  const { $patch: _directive, ...rest } = template;
  return rest;
}

export const revisionNumber = (r: Pick<RevisionLike, 'revision'>) => r.revision ?? 0;

/** Oldest revision first (historiesByRevision), by name when revision numbers tie. */
export function sortByRevision<T extends RevisionLike>(revisions: readonly T[]): T[] {
  return [...revisions].sort((a, b) => revisionNumber(a) - revisionNumber(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/**
 * kubectl's findHistory: the revision numbered `toRevision`, or with 0 the one before
 * the newest. An Error says why there is none, in kubectl's words.
 */
export function rollbackRevision<T extends RevisionLike>(revisions: readonly T[], toRevision: number): T | Error {
  if (toRevision < 0) return new Error(`unable to find specified revision ${toRevision} in history`);
  if (toRevision === 0) {
    if (revisions.length <= 1) return new Error('no last revision to roll back to');
    const sorted = sortByRevision(revisions);
    return sorted[sorted.length - 2]!;
  }
  return revisions.find((r) => revisionNumber(r) === toRevision) ?? new Error(`unable to find specified revision ${toRevision} in history`);
}

/** daemonsetMatch for kubectl: the revision's template is the one the object has now (unset and empty alike). */
export function revisionMatchesTemplate(revision: Pick<RevisionLike, 'data'>, template: unknown): boolean {
  return jsonEqual(templateOfRevision(revision) ?? null, template ?? null);
}
