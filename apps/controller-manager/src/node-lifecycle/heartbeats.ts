// When the controller last heard from each node, by its own clock (never the nodes'
// clocks): a renewed Lease or a new Ready heartbeat posted by the node's agent.

import type { Lease, Node } from '@wheelhouse/model';

export class Heartbeats {
  private readonly heardAt = new Map<string, number>();
  private readonly renewTimes = new Map<string, string>();
  private readonly heartbeats = new Map<string, string>();

  constructor(private readonly now: () => Date) {}

  /** A Lease in kube-node-lease was listed or changed; true when it was renewed. */
  leaseSeen(lease: Lease): boolean {
    const node = lease.metadata.name ?? '';
    const renewTime = String(lease.spec?.renewTime ?? '');
    if (renewTime === this.renewTimes.get(node)) return false;
    this.renewTimes.set(node, renewTime);
    this.heard(node);
    return true;
  }

  /** A Node was listed or changed. First sight (also after a restart or a change of leader) starts the grace period. */
  nodeSeen(node: Node): void {
    const name = node.metadata.name ?? '';
    const heartbeat = kubeletHeartbeat(node);
    const news = heartbeat !== undefined && heartbeat !== this.heartbeats.get(name);
    if (heartbeat !== undefined) this.heartbeats.set(name, heartbeat);
    if (news || !this.heardAt.has(name)) this.heard(name);
  }

  /** When the node was last heard from (ms); now for a node never seen. */
  lastHeard(name: string): number {
    return this.heardAt.get(name) ?? this.now().getTime();
  }

  forget(name: string): void {
    this.heardAt.delete(name);
    this.renewTimes.delete(name);
    this.heartbeats.delete(name);
  }

  private heard(name: string): void {
    this.heardAt.set(name, this.now().getTime());
  }
}

/** The Ready heartbeat a kubelet posted; the controller's own Unknown conditions are no sign of life. */
function kubeletHeartbeat(node: Node): string | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  return ready && ready.status !== 'Unknown' ? ready.lastHeartbeatTime : undefined;
}
