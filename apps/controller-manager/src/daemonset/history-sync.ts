// constructHistory's I/O: carries out the pure plan (common/history) through the API and
// returns the current revision's hash and the old revisions.
import { isAlreadyExists, isNotFound, type Clientset } from '@wheelhouse/client';
import type { ControllerRevision, DaemonSet, Pod } from '@wheelhouse/model';
import { CONTROLLER_REVISION_HASH_LABEL, matchesTemplate, planHistory, templatePatch } from '../common/history/history.js';
import { newControllerRef } from '../common/owner-references.js';

const NAME_ONLY = { select: 'metadata { name }' };

export interface SyncedHistory {
  hash: string;
  old: ControllerRevision[];
}

/**
 * Labels unlabelled revisions, snapshots the template when no revision holds it (a name
 * taken by another template bumps status.collisionCount and fails the sync, which then
 * retries under the new name), renumbers a revision rolled back to, and removes duplicate
 * revisions of the current template after moving their pods to the kept hash.
 */
export async function syncHistory(clientset: Clientset, ds: DaemonSet, revisions: readonly ControllerRevision[], pods: readonly Pod[]): Promise<SyncedHistory> {
  const namespace = ds.metadata.namespace ?? 'default';
  const plan = planHistory({ name: ds.metadata.name ?? '', template: ds.spec?.template, collisionCount: ds.status?.collisionCount }, revisions);
  for (const r of plan.label) {
    await clientset.controllerRevisions.patch(
      { namespace, name: r.metadata.name ?? '' },
      { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: r.metadata.name } } },
      NAME_ONLY,
    );
  }
  if (plan.create) {
    const hash = plan.create.name.slice((ds.metadata.name ?? '').length + 1);
    await snapshot(clientset, ds, plan.create.name, hash, plan.create.revision);
    return { hash, old: plan.old };
  }
  if (plan.renumber) {
    await clientset.controllerRevisions.patch({ namespace, name: plan.renumber.name }, { revision: plan.renumber.revision }, NAME_ONLY);
  }
  for (const duplicate of plan.duplicates) {
    const duplicateHash = duplicate.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? duplicate.metadata.name;
    for (const pod of pods) {
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== duplicateHash) continue;
      await clientset.pods.patch({ namespace, name: pod.metadata.name ?? '' }, { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: plan.hash } } }, NAME_ONLY);
    }
    await ignoreNotFound(clientset.controllerRevisions.delete({ namespace, name: duplicate.metadata.name ?? '' }, NAME_ONLY));
  }
  return { hash: plan.hash, old: plan.old };
}

async function snapshot(clientset: Clientset, ds: DaemonSet, name: string, hash: string, revision: number): Promise<void> {
  const namespace = ds.metadata.namespace ?? 'default';
  const object: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      annotations: { ...(ds.metadata.annotations ?? {}) },
      ownerReferences: [newControllerRef(ds, { apiVersion: 'apps/v1', kind: 'DaemonSet' })],
    },
    data: templatePatch(ds.spec?.template),
    revision,
  };
  try {
    await clientset.controllerRevisions.create(object, NAME_ONLY);
    return;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  const existing = await clientset.controllerRevisions.get({ namespace, name });
  if (existing && matchesTemplate(ds.spec?.template, existing)) return;
  // A hash collision: a different template holds the name. Bump the count unless ours was stale.
  const current = await clientset.daemonSets.get({ namespace, name: ds.metadata.name ?? '' });
  if (!current) throw new Error(`DaemonSet ${namespace}/${ds.metadata.name} is gone`);
  if ((current.status?.collisionCount ?? null) !== (ds.status?.collisionCount ?? null)) {
    throw new Error(
      `found a stale collision count (${ds.status?.collisionCount}, expected ${current.status?.collisionCount}) of DaemonSet "${ds.metadata.name}" while processing; will retry until it is updated`,
    );
  }
  await clientset.daemonSets.replaceStatus(
    {
      metadata: { name: ds.metadata.name, namespace, resourceVersion: current.metadata.resourceVersion },
      status: { ...(current.status ?? {}), collisionCount: (current.status?.collisionCount ?? 0) + 1 },
    },
    NAME_ONLY,
  );
  throw new Error(`ControllerRevision ${namespace}/${name} already exists with another template: collisionCount bumped`);
}

async function ignoreNotFound(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
