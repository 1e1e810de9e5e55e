import type { AnyObject, Pod, Workload } from '../kinds/objects.ts';
import type { TopologyInput } from './build-graph.ts';
import { focusKey } from './groups.ts';

const ownedBy = (o: AnyObject, owners: ReadonlySet<string | null | undefined>) => (o.metadata.ownerReferences ?? []).some((r) => owners.has(r.uid));
const uids = (objects: readonly AnyObject[]) => new Set(objects.map((o) => o.metadata.uid));

/**
 * One object and its neighbourhood, as the map's input: the owner chain up to the
 * Deployment, everything it owns down to the pods, the nodes they run on, and the Services
 * and Ingresses in front of them (routeLinks keeps only those that reach the pods).
 * `key` is `Kind/namespace/name`; an unknown key gives an empty input.
 */
export function focusInput(input: TopologyInput, key: string): TopologyInput {
  const find = <T extends AnyObject>(kind: string, objects: readonly T[]) => objects.find((o) => focusKey(kind, o) === key);
  let deployments: Workload[] = [];
  let replicaSets: Workload[] = [];
  let pods: Pod[] = [];
  const deployment = find('Deployment', input.deployments);
  const replicaSet = find('ReplicaSet', input.replicaSets);
  const pod = find('Pod', input.pods);
  const node = find('Node', input.nodes);
  const ownersOf = (o: AnyObject, candidates: readonly Workload[]) => candidates.filter((c) => ownedBy(o, new Set([c.metadata.uid])));
  if (deployment) {
    deployments = [deployment];
    replicaSets = input.replicaSets.filter((r) => ownedBy(r, uids(deployments)));
    pods = input.pods.filter((p) => ownedBy(p, uids(replicaSets)));
  } else if (replicaSet) {
    replicaSets = [replicaSet];
    deployments = ownersOf(replicaSet, input.deployments);
    pods = input.pods.filter((p) => ownedBy(p, uids(replicaSets)));
  } else if (pod) {
    pods = [pod];
    replicaSets = ownersOf(pod, input.replicaSets);
    deployments = replicaSets.flatMap((r) => ownersOf(r, input.deployments));
  } else if (node) {
    pods = input.pods.filter((p) => p.spec?.nodeName === node.metadata.name);
    replicaSets = input.replicaSets.filter((r) => pods.some((p) => ownedBy(p, new Set([r.metadata.uid]))));
    deployments = input.deployments.filter((d) => replicaSets.some((r) => ownedBy(r, new Set([d.metadata.uid]))));
  }
  const namespaces = new Set(pods.map((p) => p.metadata.namespace));
  const nodeNames = new Set(pods.map((p) => p.spec?.nodeName));
  return {
    deployments,
    replicaSets,
    pods,
    nodes: node ? [node] : input.nodes.filter((n) => nodeNames.has(n.metadata.name)),
    services: (input.services ?? []).filter((s) => namespaces.has(s.metadata.namespace)),
    ingresses: (input.ingresses ?? []).filter((i) => namespaces.has(i.metadata.namespace)),
  };
}
