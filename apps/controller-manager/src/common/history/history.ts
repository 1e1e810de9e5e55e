// Kubernetes' controller history (pkg/controller/history and the DaemonSet controller's
// constructHistory/cleanupHistory), pure: which ControllerRevisions a workload keeps,
// creates, renumbers, dedups and deletes. DaemonSets use it; StatefulSets can too.
import type { ControllerRevision, PodTemplateSpec } from '@wheelhouse/model';
import { podTemplateHash } from '../../deployment/pod-template-hash.js';
import { canonicalJson } from '../../deployment/semantic-json.js';
import { CONTROLLER_REVISION_HASH_LABEL, revisionNumber, rollbackRevision, sortByRevision, templateOfRevision, templatePatch } from '@wheelhouse/resources';

export { CONTROLLER_REVISION_HASH_LABEL, revisionNumber, rollbackRevision, sortByRevision, templateOfRevision, templatePatch };

/** controller.ComputeHash: the template's hash, salted with the collision count (the same function names ReplicaSets). */
export function computeHash(template: PodTemplateSpec, collisionCount?: number | null): string {
  return podTemplateHash(template, collisionCount);
}

/** Match: the revision stores exactly this template (semantic JSON equality; Kubernetes compares the patch bytes). */
export function matchesTemplate(template: PodTemplateSpec | undefined, revision: Pick<ControllerRevision, 'data'>): boolean {
  return canonicalJson(templatePatch(template)) === canonicalJson(revision.data);
}

/** maxRevision: the highest revision number, 0 without revisions. */
export function maxRevision(revisions: readonly Pick<ControllerRevision, 'revision'>[]): number {
  return revisions.reduce((max, r) => Math.max(max, revisionNumber(r)), 0);
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
