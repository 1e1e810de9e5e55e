// Zone disruption (pkg/controller/nodelifecycle ComputeZoneState, handleDisruption): when
// most or all nodes stop reporting at once, the likelier cause is the control plane's own
// view of them (a partition, an overloaded API), and evicting everything would turn that
// into an outage. So NoExecute tainting slows down or stops.
import type { ConditionStatus } from '../common/vocabulary.js';

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** kube-controller-manager's --unhealthy-zone-threshold and --large-cluster-size-threshold. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
export const LARGE_CLUSTER_THRESHOLD = 50;

const ZONE_LABEL = 'topology.kubernetes.io/zone';
const REGION_LABEL = 'topology.kubernetes.io/region';

/** A node's failure zone (region and zone labels); nodes without them share the zone "". */
export function zoneOf(labels: Readonly<Record<string, string>> | undefined): string {
  const region = labels?.[REGION_LABEL] ?? '';
  const zone = labels?.[ZONE_LABEL] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

/** No Ready node: full disruption; more than two and at least 55% not Ready: partial. */
export function zoneState(ready: readonly (ConditionStatus | undefined)[]): ZoneState {
  const readyNodes = ready.filter((s) => s === 'True').length;
  const notReady = ready.length - readyNodes;
  if (readyNodes === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / ready.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

export interface NodeReadiness {
  zone: string;
  ready?: ConditionStatus;
}

/**
 * `taint`: NoExecute taints follow the conditions (at the node eviction rate);
 * `taintSlowly`: the same at the secondary rate; `hold`: none are added, those there stay;
 * `lift`: they go.
 */
export type NoExecutePolicy = 'taint' | 'taintSlowly' | 'hold' | 'lift';

/**
 * What may happen to the NoExecute taints of the nodes in `zone`. Every zone fully
 * disrupted: lift them (Kubernetes' "master disruption mode"). One zone fully disrupted
 * while others are fine: taint, that zone is down. A partially disrupted zone: taint
 * slowly in large clusters, hold in small ones.
 */
export function noExecutePolicy(nodes: readonly NodeReadiness[], zone: string): NoExecutePolicy {
  const byZone = new Map<string, (ConditionStatus | undefined)[]>();
  for (const node of nodes) {
    const zoneReady = byZone.get(node.zone);
    if (zoneReady) zoneReady.push(node.ready);
    else byZone.set(node.zone, [node.ready]);
  }
  const states = new Map([...byZone].map(([z, ready]) => [z, zoneState(ready)]));
  if (states.size > 0 && [...states.values()].every((s) => s === 'FullDisruption')) return 'lift';
  if (states.get(zone) === 'PartialDisruption') return (byZone.get(zone)?.length ?? 0) > LARGE_CLUSTER_THRESHOLD ? 'taintSlowly' : 'hold';
  return 'taint';
}
