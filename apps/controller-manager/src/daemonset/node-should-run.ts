// NodeShouldRunDaemonPod (pkg/controller/daemon/daemon_controller.go): whether a node should
// run the daemon pod, and whether a pod already there may stay.
import { newRequirement, requirementMatches, type Operator } from '@wheelhouse/selectors';
import type { DaemonSet, Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from '@wheelhouse/model';
import { toleratesTaint } from '../node-lifecycle/tolerations.js';
import { OBJECT_NAME_FIELD, withDaemonPodTolerations } from './daemon-pod.js';

export interface ShouldRun {
  /** The node should run a daemon pod (one is created when missing). */
  shouldRun: boolean;
  /** A daemon pod already on the node may stay (tolerated NoSchedule taints only keep new pods off). */
  shouldContinueRunning: boolean;
}

const NODE_OPERATORS: Readonly<Record<string, Operator>> = { In: 'In', NotIn: 'NotIn', Exists: 'Exists', DoesNotExist: 'DoesNotExist', Gt: 'GreaterThan', Lt: 'LessThan' };

function expressionMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const operator = NODE_OPERATORS[r.operator ?? ''];
  if (!operator) return false;
  try {
    return requirementMatches(newRequirement(r.key ?? '', operator, r.values ?? []), labels);
  } catch {
    return false;
  }
}

/** Only metadata.name is a node field, with In or NotIn and one value. */
function fieldMatches(r: NodeSelectorRequirement, node: Node): boolean {
  if (r.key !== OBJECT_NAME_FIELD || r.values?.length !== 1) return false;
  if (r.operator === 'In') return r.values[0] === node.metadata.name;
  if (r.operator === 'NotIn') return r.values[0] !== node.metadata.name;
  return false;
}

/** A term matches when it has requirements and all of them hold; terms are ORed. */
function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length + fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return expressions.every((e) => expressionMatches(e, labels)) && fields.every((f) => fieldMatches(f, node));
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): the nodeSelector labels and any required term. */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node));
}

/** FindMatchingUntoleratedTaint: a taint of the given effects no toleration tolerates. */
function hasUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): boolean {
  return taints.some((taint) => effects.includes(taint.effect ?? '') && !tolerations.some((t) => toleratesTaint(t, taint)));
}

/**
 * The daemon pod as it would be for this node (template + automatic tolerations) checked
 * against the node's name, required affinity and taints. A pod on a node whose taints it
 * does not tolerate keeps running unless a NoExecute taint is among them.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const spec = withDaemonPodTolerations(ds.spec?.template?.spec ?? { containers: [] });
  const pod: Pod = { metadata: { labels: ds.spec?.template?.metadata?.labels ?? {} }, spec };
  const nodeName = spec.nodeName;
  if (nodeName && nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!requiredNodeAffinityMatches(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  const tolerations = spec.tolerations ?? [];
  if (hasUntoleratedTaint(taints, tolerations, ['NoExecute', 'NoSchedule'])) {
    return { shouldRun: false, shouldContinueRunning: !hasUntoleratedTaint(taints, tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
