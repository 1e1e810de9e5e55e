// The working state of one Deployment sync: the Deployment as this sync has changed it so
// far, the actions decided, and the writes every step shares (status, scale, events).
import type { Deployment, DeploymentStatus, ReplicaSet } from '@wheelhouse/model';
import type { DeploymentAction } from './actions.js';
import { REVISION_ANNOTATION } from './annotations.js';
import { replicasAnnotationsFor, replicasAnnotationsNeedUpdate, withReplicasAnnotations } from './replica-set-annotations.js';
import { specReplicasOf } from './replica-sets.js';
import type { ReplicaSetScale } from './rolling-update.js';
import { deploymentStatusEqual } from './status.js';

export class SyncPlan {
  readonly actions: DeploymentAction[] = [];
  /** Set when Kubernetes would end the sync with an error (and requeue). */
  stopped = false;
  // The latest version of each ReplicaSet this plan wrote, so a second scale builds on the first.
  private readonly written = new Map<string, ReplicaSet>();

  constructor(
    /** The Deployment with this sync's changes so far (a private copy). */
    public d: Deployment,
    readonly now: Date,
  ) {}

  push(action: DeploymentAction): void {
    this.actions.push(action);
  }

  event(eventType: 'Normal' | 'Warning', reason: string, message: string): void {
    this.push({ type: 'event', eventType, reason, message });
  }

  /** Replace the status and write it (with the annotations) — the controller's UpdateStatus. */
  writeStatus(status: DeploymentStatus): void {
    this.d = { ...this.d, status };
    this.push({ type: 'updateDeploymentStatus', deployment: this.d });
  }

  /** Write `status` unless it equals the current one; returns whether it wrote. */
  writeStatusIfChanged(status: DeploymentStatus): boolean {
    if (deploymentStatusEqual(this.d.status, status)) return false;
    this.writeStatus(status);
    return true;
  }

  /** SetDeploymentRevision: whether the Deployment's revision annotation had to change. */
  setRevision(revision: string): boolean {
    if (this.d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false;
    const annotations = { ...(this.d.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    this.d = { ...this.d, metadata: { ...this.d.metadata, annotations } };
    return true;
  }

  /** The latest version of `rs` in this plan. */
  current(rs: ReplicaSet): ReplicaSet {
    return this.written.get(rs.metadata.uid ?? rs.metadata.name ?? '') ?? rs;
  }

  /**
   * scaleReplicaSet: write the new size together with fresh desired/max annotations, if
   * either differs. Returns whether the size changed (what Kubernetes calls "scaled").
   */
  scale(target: ReplicaSetScale): boolean {
    const rs = this.current(target.replicaSet);
    const from = specReplicasOf(rs);
    const { desired, max } = replicasAnnotationsFor(this.d);
    const sizeChanged = from !== target.replicas;
    if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
    const updated: ReplicaSet = {
      ...rs,
      metadata: { ...rs.metadata, annotations: withReplicasAnnotations(rs, desired, max) },
      spec: { ...rs.spec, replicas: target.replicas },
    };
    this.update(updated, sizeChanged ? { from, to: target.replicas } : undefined);
    if (sizeChanged) {
      const direction = from < target.replicas ? 'up' : 'down';
      this.event('Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${target.replicas}`);
    }
    return sizeChanged;
  }

  /** Scale each target in turn; returns whether any size changed. */
  scaleAll(targets: readonly ReplicaSetScale[]): boolean {
    let scaled = false;
    for (const target of targets) scaled = this.scale(target) || scaled;
    return scaled;
  }

  /** Write a new version of a ReplicaSet. */
  update(rs: ReplicaSet, scaled?: { from: number; to: number }): void {
    this.written.set(rs.metadata.uid ?? rs.metadata.name ?? '', rs);
    this.push(scaled ? { type: 'updateReplicaSet', replicaSet: rs, scaled } : { type: 'updateReplicaSet', replicaSet: rs });
  }
}
