// The scheduler cache (kube-scheduler's internal/cache): NodeInfos kept up to date from
// node and pod events instead of being rebuilt per cycle, with assumed pods counting at
// once. In memory and synchronous; the informers feed it, the loop reads it.
import { nodeInfoOf, type NodeInfo } from './node-info.js';
import type { Node, Pod } from '@wheelhouse/model';

const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

interface Placement {
  readonly node: string;
  readonly pod: Pod;
  /** Bound by us, not yet seen bound by the informer. */
  readonly assumed: boolean;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, Node>();
  /** Node name → pod key → pod; also for nodes not (yet) known, whose pods count once they appear. */
  private readonly podsByNode = new Map<string, Map<string, Pod>>();
  private readonly placements = new Map<string, Placement>();
  private readonly infos = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | undefined;
  private readonly indexOf = new Map<string, number>();

  /** Every known node's NodeInfo, by name. Valid until the next change to the cache. */
  nodeInfos(): readonly NodeInfo[] {
    if (!this.sorted) {
      this.sorted = [...this.infos.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      this.indexOf.clear();
      this.sorted.forEach((info, i) => {
        this.indexOf.set(info.name, i);
      });
    }
    return this.sorted;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  get nodeCount(): number {
    return this.infos.size;
  }

  setNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const isNew = !this.nodes.has(name);
    this.nodes.set(name, node);
    this.refresh(name, isNew);
  }

  removeNode(name: string): void {
    if (!this.nodes.delete(name)) return;
    this.infos.delete(name);
    this.sorted = undefined;
  }

  /**
   * A pod as the informer shows it: bound and not finished, it counts on its node
   * (replacing our assumption); otherwise it counts nowhere, unless we assumed it and the
   * informer has not yet caught up with our binding.
   */
  updatePod(key: string, pod: Pod): void {
    const nodeName = pod.spec?.nodeName;
    if (nodeName && !isTerminal(pod)) {
      this.place(key, { node: nodeName, pod, assumed: false });
      return;
    }
    if (!nodeName && this.placements.get(key)?.assumed) return;
    this.unplace(key);
  }

  removePod(key: string): void {
    this.unplace(key);
  }

  /** Counts `pod` on `nodeName` at once, before the binding is written. */
  assume(key: string, pod: Pod, nodeName: string): void {
    this.place(key, { node: nodeName, pod: { ...pod, spec: { ...pod.spec, nodeName } }, assumed: true });
  }

  /** The binding failed: the assumed pod stops counting. A pod the informer saw bound stays. */
  forget(key: string): void {
    if (this.placements.get(key)?.assumed) this.unplace(key);
  }

  isAssumed(key: string): boolean {
    return this.placements.get(key)?.assumed === true;
  }

  private place(key: string, placement: Placement): void {
    const previous = this.placements.get(key);
    if (previous && previous.node !== placement.node) this.unplace(key);
    this.placements.set(key, placement);
    let pods = this.podsByNode.get(placement.node);
    if (!pods) {
      pods = new Map();
      this.podsByNode.set(placement.node, pods);
    }
    pods.set(key, placement.pod);
    this.refresh(placement.node, false);
  }

  private unplace(key: string): void {
    const placement = this.placements.get(key);
    if (!placement) return;
    this.placements.delete(key);
    const pods = this.podsByNode.get(placement.node)!;
    pods.delete(key);
    if (pods.size === 0) this.podsByNode.delete(placement.node);
    this.refresh(placement.node, false);
  }

  /** Rebuilds one node's NodeInfo (a few dozen pods at most, their requests memoised). */
  private refresh(name: string, isNew: boolean): void {
    const node = this.nodes.get(name);
    if (!node) return;
    const info = nodeInfoOf(node, [...(this.podsByNode.get(name)?.values() ?? [])]);
    this.infos.set(name, info);
    if (isNew || !this.sorted) this.sorted = undefined;
    else this.sorted[this.indexOf.get(name)!] = info;
  }
}
