/** kubectl's DeploymentStatusViewer: where a rollout stands, as one line. */
import type { KubeObj } from './print/object.js';

export interface RolloutState {
  done: boolean;
  message: string;
  /** The rollout cannot finish (progress deadline exceeded). */
  failed?: boolean;
}

const n = (v: unknown) => (typeof v === 'number' ? v : 0);

export function deploymentRolloutState(d: KubeObj): RolloutState {
  const name = d.metadata.name ?? '';
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  if (n(d.metadata.generation) > n(status.observedGeneration)) return { done: false, message: 'Waiting for deployment spec update to be observed...' };
  const progressing = (status.conditions ?? []).find((c: { type?: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { done: false, failed: true, message: `deployment "${name}" exceeded its progress deadline` };
  const desired = spec.replicas ?? 1;
  const updated = n(status.updatedReplicas);
  if (updated < desired) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...` };
  if (n(status.replicas) > updated)
    return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${n(status.replicas) - updated} old replicas are pending termination...` };
  if (n(status.availableReplicas) < updated)
    return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${n(status.availableReplicas)} of ${updated} updated replicas are available...` };
  return { done: true, message: `deployment "${name}" successfully rolled out` };
}

/** kubectl's DaemonSetStatusViewer. */
export function daemonSetRolloutState(ds: KubeObj): RolloutState {
  const name = ds.metadata.name ?? '';
  const status = ds.status ?? {};
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { done: false, failed: true, message: 'rollout status is only available for RollingUpdate strategy type' };
  if (n(ds.metadata.generation) > n(status.observedGeneration)) return { done: false, message: 'Waiting for daemon set spec update to be observed...' };
  const desired = n(status.desiredNumberScheduled);
  const updated = n(status.updatedNumberScheduled);
  if (updated < desired) return { done: false, message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...` };
  const available = n(status.numberAvailable);
  if (available < desired) return { done: false, message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...` };
  return { done: true, message: `daemon set "${name}" successfully rolled out` };
}
