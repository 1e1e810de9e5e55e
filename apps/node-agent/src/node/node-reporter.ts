// Registration, node status and Lease heartbeats for every node this process runs:
// its own nodes and, in kwok mode, every Node annotated wheelhouse.io/simulated=true.
// Everything goes out in bulk calls so 500 simulated nodes cost a few calls per period.
import { hasCode, type Clientset } from '@wheelhouse/client';
import { Informer, stripNulls } from '@wheelhouse/controller-runtime';
import { toTimestamp } from '@wheelhouse/resources';
import type { Node } from '@wheelhouse/model';
import { SIMULATED_ANNOTATION } from '../types.js';
import { chunks } from './bulk.js';
import { conditionsChanged, nodeConditions, type NodeHealth } from './node-conditions.js';
import { registrationNode, registrationPatch, staticStatus, type NodeIdentity } from './node-object.js';
import { freePodCIDR } from './pod-cidr.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

const NODE_FIELDS = `metadata { annotations creationTimestamp deletionTimestamp }
  spec { podCIDR podCIDRs unschedulable taints { key value effect timeAdded } }
  status { capacity allocatable conditions { type status reason message lastHeartbeatTime lastTransitionTime }
    daemonEndpoints { kubeletEndpoint { Port } } addresses { type address } }`;
/** What the answer to a write needs to hold: the agent reads nothing back. */
const NAME_ONLY = { select: 'metadata { name }' };

export interface ManagedNode {
  name: string;
  podCIDR: string;
  /** Registered by this process (false: adopted through the annotation). */
  own: boolean;
}

export interface NodeReporterOptions {
  ownNames: string[];
  manageAnnotated: boolean;
  identity: (name: string, podCIDR: string) => NodeIdentity;
  /** Used for the single own node when given. */
  podCIDR?: string;
  leaseDurationSeconds: number;
  leaseRenewIntervalMs: number;
  nodeStatusUpdateMs: number;
  nodeStatusReportMs: number;
  health: () => NodeHealth;
  onManaged: (node: ManagedNode) => void;
  onReleased: (name: string) => void;
  log: (message: string, error?: unknown) => void;
}

export class NodeReporter {
  readonly informer: Informer<Node & { metadata: { name: string } }>;
  private readonly nodes = new Map<string, ManagedNode>();
  private readonly lastReport = new Map<string, number>();
  private readonly leases = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopController = new AbortController();
  private busy = { status: false, lease: false };

  constructor(
    private readonly clientset: Clientset,
    private readonly o: NodeReporterOptions,
  ) {
    this.informer = new Informer(clientset.client, {
      plural: 'nodes',
      kind: 'Node',
      fields: NODE_FIELDS,
      transform: (n) => stripNulls(n),
      onError: (e, willRetry) => o.log(`node watch${willRetry ? ' (retrying)' : ''}`, e),
    });
  }

  managed(): ManagedNode[] {
    return [...this.nodes.values()];
  }

  get(name: string): ManagedNode | undefined {
    return this.nodes.get(name);
  }

  async start(): Promise<void> {
    this.informer.start();
    if (!(await this.informer.waitForSync(this.stopController.signal))) return;
    await this.registerOwn(this.o.ownNames);
    this.informer.addEventHandler({
      onAdd: (n) => this.considerAdoption(n),
      onUpdate: (_, n) => this.considerAdoption(n),
      onDelete: (n) => this.nodeDeleted(n.metadata.name),
    });
    await this.reportStatus(true);
    await this.renewLeases();
    this.timers.push(setInterval(() => void this.renewLeases(), this.o.leaseRenewIntervalMs));
    this.timers.push(setInterval(() => void this.reportStatus(false), this.o.nodeStatusUpdateMs));
  }

  stop(): void {
    this.stopController.abort();
    for (const t of this.timers) clearInterval(t);
    this.informer.stop();
  }

  /** Creates missing nodes (bulk) and brings existing ones in line (one patch each, only when they differ). */
  private async registerOwn(names: string[]): Promise<void> {
    const used = this.usedPodCIDRs();
    const toCreate: Node[] = [];
    for (const name of names) {
      const existing = this.informer.get(name);
      const podCIDR = existing?.spec?.podCIDR ?? (names.length === 1 && this.o.podCIDR ? this.o.podCIDR : freePodCIDR(used));
      used.add(podCIDR);
      const identity = this.o.identity(name, podCIDR);
      if (!existing) toCreate.push(registrationNode(identity));
      else {
        const patch = registrationPatch(existing, identity);
        if (patch) await this.clientset.nodes.patch({ name }, patch, NAME_ONLY);
      }
      this.manage({ name, podCIDR, own: true });
    }
    for (const inputs of chunks(toCreate, 100)) {
      try {
        await this.clientset.nodes.createMany(inputs, NAME_ONLY);
      } catch (error) {
        if (!hasCode(error, 'ALREADY_EXISTS')) throw error;
        // Raced with someone creating one of them: take them one at a time.
        for (const input of inputs)
          await this.clientset.nodes.createMany([input], NAME_ONLY).catch((e) => {
            if (!hasCode(e, 'ALREADY_EXISTS')) throw e;
          });
      }
    }
    if (names.length) this.o.log(`registered ${names.length === 1 ? `node ${names[0]}` : `${names.length} nodes`}`);
  }

  /**
   * Ranges in use: those on Node objects, plus those this agent handed out whose
   * patch the informer has not shown yet (several nodes adopted in one tick).
   */
  private usedPodCIDRs(): Set<string> {
    const used = new Set(
      this.informer
        .list()
        .map((n) => n.spec?.podCIDR)
        .filter((c): c is string => Boolean(c)),
    );
    for (const managed of this.nodes.values()) used.add(managed.podCIDR);
    return used;
  }

  private considerAdoption(node: Node): void {
    const name = node.metadata.name ?? '';
    if (!name || !this.o.manageAnnotated || this.nodes.has(name) || node.metadata.deletionTimestamp) return;
    if (node.metadata.annotations?.[SIMULATED_ANNOTATION] !== 'true') return;
    const podCIDR = node.spec?.podCIDR ?? freePodCIDR(this.usedPodCIDRs());
    this.manage({ name, podCIDR, own: false });
    this.o.log(`adopted node ${name} (annotated ${SIMULATED_ANNOTATION})`);
    if (!node.spec?.podCIDR) void this.clientset.nodes.patch({ name }, { spec: { podCIDR, podCIDRs: [podCIDR] } }, NAME_ONLY).catch((e) => this.o.log(`set podCIDR of ${name}`, e));
    void this.reportStatus(false);
    void this.renewLeases();
  }

  private nodeDeleted(name: string): void {
    const managed = this.nodes.get(name);
    if (!managed || this.stopController.signal.aborted) return;
    if (managed.own) {
      // The kubelet re-registers a node deleted under it.
      this.o.log(`node ${name} was deleted; registering it again`);
      void this.registerOwn([name])
        .then(() => this.reportStatus(true))
        .catch((e) => this.o.log(`re-register ${name}`, e));
      return;
    }
    this.nodes.delete(name);
    this.leases.delete(name);
    this.o.onReleased(name);
  }

  private manage(node: ManagedNode): void {
    const known = this.nodes.has(node.name);
    this.nodes.set(node.name, node);
    if (!known) this.o.onManaged(node);
  }

  /** Conditions every period; the whole status when they changed or the report frequency is due. */
  async reportStatus(force: boolean): Promise<void> {
    if (this.busy.status || this.stopController.signal.aborted) return;
    this.busy.status = true;
    try {
      const now = Date.now();
      const stamp = toTimestamp(new Date(now));
      const health = this.o.health();
      const items = [];
      for (const managed of this.nodes.values()) {
        const current = this.informer.get(managed.name);
        const previous = current?.status?.conditions;
        const conditions = nodeConditions(health, previous, stamp);
        const due = now - (this.lastReport.get(managed.name) ?? 0) >= this.o.nodeStatusReportMs;
        if (!force && !due && !conditionsChanged(conditions, previous)) continue;
        const identity = this.o.identity(managed.name, managed.podCIDR);
        const capacity = managed.own ? identity.capacity : (current?.status?.capacity ?? identity.capacity);
        const fixed = staticStatus(managed.name, capacity, identity.kubeletPort, identity.nodeInfo);
        if (!managed.own && current?.status?.allocatable) fixed.allocatable = current.status.allocatable;
        items.push({ name: managed.name, patch: { status: { ...fixed, conditions } } });
        this.lastReport.set(managed.name, now);
      }
      for (const batch of chunks(items, 250)) await this.clientset.nodes.patchManyStatus(batch, { ...NAME_ONLY, signal: this.stopController.signal });
    } catch (error) {
      if (!this.stopController.signal.aborted) this.o.log('node status', error);
      // A node missing from the batch (deleted): report everything again next period.
      this.lastReport.clear();
    } finally {
      this.busy.status = false;
    }
  }

  /** One bulk patch renews every managed node's Lease; missing Leases are created first. */
  async renewLeases(): Promise<void> {
    if (this.busy.lease || this.stopController.signal.aborted) return;
    this.busy.lease = true;
    try {
      await this.ensureLeases();
      const renewTime = new Date().toISOString();
      const items = [...this.nodes.keys()].map((name) => ({
        namespace: NODE_LEASE_NAMESPACE,
        name,
        patch: { spec: { holderIdentity: name, leaseDurationSeconds: this.o.leaseDurationSeconds, renewTime } },
      }));
      for (const batch of chunks(items, 500)) await this.clientset.ops.mutate('patchLeases', { items: batch }, { ...NAME_ONLY, signal: this.stopController.signal });
    } catch (error) {
      if (!this.stopController.signal.aborted) this.o.log('node lease', error);
      this.leases.clear();
    } finally {
      this.busy.lease = false;
    }
  }

  private async ensureLeases(): Promise<void> {
    const missing = [...this.nodes.keys()].filter((n) => !this.leases.has(n));
    if (!missing.length) return;
    const { items } = await this.clientset.leases.listAll({ namespace: NODE_LEASE_NAMESPACE, select: 'metadata { name }' });
    for (const lease of items) if (lease.metadata.name) this.leases.add(lease.metadata.name);
    const toCreate = missing.filter((n) => !this.leases.has(n));
    const now = new Date().toISOString();
    const inputs = toCreate.map((name) => {
      const uid = this.informer.get(name)?.metadata.uid;
      return {
        metadata: { name, ownerReferences: uid ? [{ apiVersion: 'v1', kind: 'Node', name, uid }] : undefined },
        spec: { holderIdentity: name, leaseDurationSeconds: this.o.leaseDurationSeconds, renewTime: now },
      };
    });
    for (const batch of chunks(inputs, 200)) {
      await this.clientset.leases.createMany(batch, { ...NAME_ONLY, namespace: NODE_LEASE_NAMESPACE }).catch((e) => {
        if (!hasCode(e, 'ALREADY_EXISTS')) throw e;
      });
    }
    for (const name of missing) this.leases.add(name);
  }
}
