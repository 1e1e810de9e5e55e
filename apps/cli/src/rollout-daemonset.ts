/** wh rollout history|undo|restart daemonset/NAME: kubectl's DaemonSetHistoryViewer, DaemonSetRollbacker (over ControllerRevisions) and ObjectRestarter. */
import {
  CHANGE_CAUSE_ANNOTATION,
  RESTARTED_AT_ANNOTATION,
  revisionMatchesTemplate,
  rollbackRevision,
  sortByRevision,
  templateOfRevision,
  type RevisionLike,
} from '@wheelhouse/resources';
import type { PodTemplateSpec } from '@wheelhouse/model';
import { podTemplateText } from '@wheelhouse/printers';
import { out } from './command.js';
import { CliError, notFoundError } from './errors.js';
import { resolveKind } from './kinds.js';
import { formatTable } from './print/table.js';
import type { Session } from './session.js';
import type { KubeObj } from './print/object.js';

type Revision = RevisionLike & { metadata: { ownerReferences?: { uid?: string; controller?: boolean }[] } };

/** The DaemonSet and the ControllerRevisions it controls, oldest first. */
async function daemonSetHistory(session: Session, name: string): Promise<{ ds: KubeObj; history: Revision[] }> {
  const ds = await session.get(resolveKind('daemonset'), name);
  if (!ds) throw notFoundError('daemonsets.apps', name);
  const revisions = (await session.list(resolveKind('controllerrevision'), { namespace: session.namespace })) as unknown as Revision[];
  const owned = revisions.filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === ds.metadata.uid));
  return { ds, history: sortByRevision(owned) };
}

export async function daemonSetRolloutHistory(session: Session, name: string, revision: number | undefined): Promise<void> {
  const { history } = await daemonSetHistory(session, name);
  if (revision !== undefined) {
    const entry = history.find((h) => h.revision === revision);
    if (!entry) throw new CliError(`unable to find the specified revision`);
    out(`daemonset.apps/${name} with revision #${revision}\n${podTemplateText(templateOfRevision(entry) as PodTemplateSpec | undefined)}`);
    return;
  }
  out(`daemonset.apps/${name}`);
  out(
    formatTable(
      ['REVISION', 'CHANGE-CAUSE'],
      history.map((h) => [String(h.revision ?? 0), h.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>']),
    ),
  );
}

/** Restores the revision's template (the whole template, as its `$patch: replace` does); skipped when it is already current. */
export async function daemonSetRollback(session: Session, name: string, toRevision: number): Promise<string> {
  const { ds, history } = await daemonSetHistory(session, name);
  const target = rollbackRevision(history, toRevision);
  if (target instanceof Error) throw new CliError(target.message);
  const template = templateOfRevision(target);
  if (revisionMatchesTemplate(target, ds.spec?.template)) return `skipped rollback (current template already matches revision ${target.revision ?? 0})`;
  await session.resource(resolveKind('daemonset')).replace({ ...ds, spec: { ...ds.spec, template } });
  return 'rolled back';
}

/** kubectl's ObjectRestarter: a new restartedAt annotation in the template, so every pod is replaced by the rolling update. */
export async function daemonSetRestart(session: Session, name: string): Promise<string> {
  const ds = await session.get(resolveKind('daemonset'), name);
  if (!ds) throw notFoundError('daemonsets.apps', name);
  if (ds.spec?.updateStrategy?.type === 'OnDelete') throw new CliError(`can't restart daemonset.apps/${name}: the OnDelete strategy replaces no pods`);
  const restartedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  await session.patch(resolveKind('daemonset'), name, { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } } });
  return 'restarted';
}
