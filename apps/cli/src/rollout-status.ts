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
