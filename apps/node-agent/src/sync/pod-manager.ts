// Watches the pods bound to the nodes this process runs and keeps one PodWorker per pod
// (the kubelet's pod workers). Watch handlers only route; workers do the work.
import type { WheelhouseClient } from '@wheelhouse/client';
import { Informer, keyOf, stripNulls } from '@wheelhouse/controller-runtime';
import type { Pod } from '@wheelhouse/model';
import type { PodWorker, PodWorkerDeps } from './pod-worker.js';

export type PodWorkerFactory = (pod: Pod, onDone: (worker: PodWorker) => void) => PodWorker | undefined;

export interface PodManagerOptions {
  /** Full Pod selection (FullSelections): workers copy specs whole. */
  fields: string;
  /** `spec.nodeName=<node>` for one node, `spec.nodeName!=` for many. */
  fieldSelector: string;
  /** Whether this process runs pods of that node (now). */
  manages(nodeName: string): boolean;
  /** A worker for the pod on its node; undefined when the node is not (yet) ready for pods. */
  newWorker(pod: Pod, onDone: (worker: PodWorker) => void): PodWorker | undefined;
  log: PodWorkerDeps['log'];
}

type CachedPod = Pod & { metadata: { name: string } };

export class PodManager {
  readonly informer: Informer<CachedPod>;
  private readonly workers = new Map<string, PodWorker>();
  /** Uids of pods whose workers finished: late events about them start nothing. */
  private readonly finished = new Set<string>();

  constructor(
    client: WheelhouseClient,
    private readonly o: PodManagerOptions,
  ) {
    this.informer = new Informer<CachedPod>(client, {
      plural: 'pods',
      kind: 'Pod',
      fields: o.fields,
      fieldSelector: o.fieldSelector,
      transform: (p) => stripNulls(p),
      // Level-triggered safety net: every worker looks at its pod again now and then.
      resyncMs: 60_000,
      onError: (e, willRetry) => o.log(`pod watch${willRetry ? ' (retrying)' : ''}`, e),
    });
    this.informer.addEventHandler({
      onAdd: (pod) => this.route(pod),
      onUpdate: (_, pod) => this.route(pod),
      onDelete: (pod) => {
        this.workers.get(keyOf(pod))?.vanished();
        this.finished.delete(pod.metadata.uid ?? '');
      },
    });
  }

  start(): void {
    this.informer.start();
  }

  worker(key: string): PodWorker | undefined {
    return this.workers.get(key);
  }

  get size(): number {
    return this.workers.size;
  }

  /** A ConfigMap or Secret changed: workers whose containers wait for it try again now; mounted copies are updated. */
  kickWaitingForConfig(): void {
    for (const worker of this.workers.values()) {
      if (worker.waitingForConfig) worker.kick();
      else void worker.refreshVolumes();
    }
  }

  /** A node became ours (registered or adopted): start its pods. */
  nodeAdded(nodeName: string): void {
    for (const pod of this.informer.list()) if (pod.spec?.nodeName === nodeName) this.route(pod);
  }

  /** A node is no longer ours: its workers stop without touching the pods' objects. */
  async nodeRemoved(nodeName: string): Promise<void> {
    const leaving = [...this.workers.values()].filter((w) => this.informer.get(w.key)?.spec?.nodeName === nodeName);
    await Promise.all(leaving.map((w) => w.shutdown()));
    for (const w of leaving) if (this.workers.get(w.key) === w) this.workers.delete(w.key);
  }

  async stop(): Promise<void> {
    this.informer.stop();
    await Promise.all([...this.workers.values()].map((w) => w.shutdown()));
  }

  private route(pod: CachedPod): void {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || !this.o.manages(nodeName) || this.finished.has(pod.metadata.uid ?? '')) return;
    const key = keyOf(pod);
    const existing = this.workers.get(key);
    if (existing && existing.uid !== pod.metadata.uid) {
      // Same name, new pod (deleted and re-created): the old one is gone.
      existing.vanished();
      this.workers.delete(key);
    } else if (existing) {
      existing.update(pod);
      return;
    }
    const worker = this.o.newWorker(pod, (done) => {
      this.finished.add(done.uid);
      if (this.workers.get(done.key) === done) this.workers.delete(done.key);
    });
    if (!worker) return;
    this.workers.set(key, worker);
    worker.kick();
  }
}
