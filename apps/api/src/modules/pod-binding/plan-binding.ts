// The Binding subresource as a pure decision (kube-apiserver's BindingREST): a pod is
// bound once, to one node, and never while it is terminating.
import { ApiError, isDns1123Subdomain, notFound, type KubeObject } from '@wheelhouse/resources';
import type { WritePlan } from '@wheelhouse/db';

export interface BindingRequest {
  readonly namespace?: string;
  readonly name: string;
  readonly nodeName: string;
  /** When given, the pod must still be this incarnation (a recreated pod of the same name is not bound). */
  readonly uid?: string;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
}

const refused = (name: string, why: string) => new ApiError('CONFLICT', `Operation cannot be fulfilled on pods/binding "${name}": ${why}`);
const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Conditions with PodScheduled=True; the transition time moves only when the status changes. */
export function scheduledConditions(conditions: readonly Condition[], now: Date): Condition[] {
  const old = conditions.find((c) => c.type === 'PodScheduled');
  const next: Condition = { type: 'PodScheduled', status: 'True', lastTransitionTime: old?.status === 'True' && old.lastTransitionTime ? old.lastTransitionTime : stamp(now) };
  if (old) return conditions.map((c) => (c === old ? next : c));
  return [...conditions, next];
}

/**
 * The write that binds `current` to the requested node, or the error that refuses it:
 * NOT_FOUND (absent, or another uid), CONFLICT (already bound, or terminating),
 * BAD_USER_INPUT (nodeName not a DNS subdomain). Sets spec.nodeName and the
 * PodScheduled condition in one write; generation stays (binding is not a spec update).
 */
export function planBinding(current: KubeObject | undefined, request: BindingRequest, now: Date): WritePlan | ApiError {
  const nameErrors = isDns1123Subdomain(request.nodeName);
  if (nameErrors.length > 0) {
    return new ApiError('BAD_USER_INPUT', `nodeName: Invalid value: "${request.nodeName}": ${nameErrors.join('; ')}`, 'nodeName');
  }
  if (!current || (request.uid && request.uid !== current.metadata.uid)) return notFound('Pod', request.name);
  const spec = (current.spec ?? {}) as { nodeName?: string };
  if (spec.nodeName) return refused(request.name, `pod ${request.name} is already assigned to node "${spec.nodeName}"`);
  if (current.metadata.deletionTimestamp) return refused(request.name, `pod ${request.name} is being deleted, cannot be assigned to a host`);
  const status = (current.status ?? {}) as { conditions?: Condition[] };
  const object: KubeObject = {
    ...current,
    metadata: { ...current.metadata },
    spec: { ...current.spec, nodeName: request.nodeName },
    status: { ...status, conditions: scheduledConditions(status.conditions ?? [], now) },
  };
  return { type: 'update', object, expectedResourceVersion: current.metadata.resourceVersion! };
}
