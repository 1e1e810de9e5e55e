// Kubernetes' controller history (pkg/controller/history and the DaemonSet controller's
// constructHistory/cleanupHistory), pure: which ControllerRevisions a workload keeps,
// creates, renumbers, dedups and deletes. DaemonSets use it; StatefulSets can too.
import type { ControllerRevision, PodTemplateSpec } from '@wheelhouse/model';
import { podTemplateHash } from '../../deployment/pod-template-hash.js';
import { canonicalJson } from '../../deployment/semantic-json.js';

/** apps.ControllerRevisionHashLabelKey (DefaultDaemonSetUniqueLabelKey): on revisions and on pods. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** controller.ComputeHash: the template's hash, salted with the collision count (the same function names ReplicaSets). */
export function computeHash(template: PodTemplateSpec, collisionCount?: number | null): string {
  return podTemplateHash(template, collisionCount);
}

/**
 * getPatch: what a revision stores, a strategic merge patch that puts the template back
 * (`$patch: replace` so nothing of a later template survives a rollback).
 */
export function templatePatch(template: PodTemplateSpec | undefined): Record<string, unknown> {
  return { spec: { template: { ...(template ?? {}), $patch: 'replace' } } };
}

/** The template a revision restores (its patch without the directive). */
export function templateOfRevision(revision: Pick<ControllerRevision, 'data'>): PodTemplateSpec | undefined {
  const template = (revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!template) return undefined;
  const { $patch: _directive, ...rest } = template;
  return rest as PodTemplateSpec;
}

/** Match: the revision stores exactly this template (semantic JSON equality; Kubernetes compares the patch bytes). */
export function matchesTemplate(template: PodTemplateSpec | undefined, revision: Pick<ControllerRevision, 'data'>): boolean {
  return canonicalJson(templatePatch(template)) === canonicalJson(revision.data);
}

export const revisionNumber = (r: Pick<ControllerRevision, 'revision'>) => r.revision ?? 0;

/** maxRevision: the highest revision number, 0 without revisions. */
export function maxRevision(revisions: readonly Pick<ControllerRevision, 'revision'>[]): number {
  return revisions.reduce((max, r) => Math.max(max, revisionNumber(r)), 0);
}

/** Oldest revision first (historiesByRevision), by name when revision numbers tie. */
export function sortByRevision<T extends ControllerRevision>(revisions: readonly T[]): T[] {
  return [...revisions].sort((a, b) => revisionNumber(a) - revisionNumber(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

export interface HistoryOwner {
  name: string;
  template: PodTemplateSpec | undefined;
  collisionCount?: number | null;
}

/** What constructHistory does for one sync. */
export interface HistoryPlan {
  /** The revision of the current template, when one exists (the hash is its label, or its name when unlabelled). */
  current?: ControllerRevision;
  /** The current template's hash: the pods' controller-revision-hash label. */
  hash: string;
  /** No revision matches the template: snapshot it under this name, with this number. */
  create?: { name: string; revision: number };
  /** The current revision's number is lower than an older one's: renumber it (a rollback). */
  renumber?: { name: string; revision: number };
  /** Revisions of the current template beyond the one kept (dedupCurHistories deletes them, after relabelling pods). */
  duplicates: ControllerRevision[];
  /** Revisions missing the hash label: the label is added, equal to the name. */
  label: ControllerRevision[];
  /** The revisions of other templates. */
  old: ControllerRevision[];
}

const hashOf = (r: ControllerRevision) => r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? r.metadata.name ?? '';

/** constructHistory: split the owner's revisions into the current one (deduplicated, renumbered) and the old ones. */
export function planHistory(owner: HistoryOwner, revisions: readonly ControllerRevision[]): HistoryPlan {
  const label = revisions.filter((r) => !r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]);
  const matching = revisions.filter((r) => matchesTemplate(owner.template, r));
  const old = revisions.filter((r) => !matching.includes(r));
  const next = maxRevision(old) + 1;
  if (matching.length === 0) {
    const hash = computeHash(owner.template ?? {}, owner.collisionCount);
    return { hash, create: { name: `${owner.name}-${hash}`, revision: next }, duplicates: [], label, old };
  }
  // dedupCurHistories keeps the highest revision (the last of equals).
  let keep = matching[0]!;
  for (const r of matching) if (revisionNumber(r) >= revisionNumber(keep)) keep = r;
  const plan: HistoryPlan = { current: keep, hash: hashOf(keep), duplicates: matching.filter((r) => r !== keep), label, old };
  if (revisionNumber(keep) < next) plan.renumber = { name: keep.metadata.name ?? '', revision: next };
  return plan;
}

/**
 * cleanupHistory: beyond `limit` old revisions, delete the oldest first, but never one
 * whose hash a live pod still carries (it is not history yet).
 */
export function revisionsToDelete(old: readonly ControllerRevision[], limit: number, liveHashes: ReadonlySet<string>): ControllerRevision[] {
  let toKill = old.length - limit;
  const out: ControllerRevision[] = [];
  for (const r of sortByRevision(old)) {
    if (toKill <= 0) break;
    if (liveHashes.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
    out.push(r);
    toKill--;
  }
  return out;
}

/**
 * kubectl's findHistory: the revision numbered `toRevision`, or with 0 the one before
 * the newest. An Error says why there is none, in kubectl's words.
 */
export function rollbackRevision<T extends ControllerRevision>(revisions: readonly T[], toRevision: number): T | Error {
  if (toRevision < 0) return new Error(`unable to find specified revision ${toRevision} in history`);
  if (toRevision === 0) {
    if (revisions.length <= 1) return new Error('no last revision to roll back to');
    const sorted = sortByRevision(revisions);
    return sorted[sorted.length - 2]!;
  }
  return revisions.find((r) => revisionNumber(r) === toRevision) ?? new Error(`unable to find specified revision ${toRevision} in history`);
}
