// One worker per pod: drives it through the runtime (sandbox, init containers, app
// containers, restarts with back-off, probes, hooks, graceful deletion) and publishes
// its status. Decisions come from decide() and computePodStatus(); this is the shell.
import { toTimestamp } from '@wheelhouse/resources';
import type { RunLifecycleHandler } from '../hooks/lifecycle-handler.js';
import type { ProbeTarget, ProbeWorker, ProbeWorkerOptions } from '../probes/probe-worker.js';
import { ContainerProbes } from './container-probes.js';
import type { ContainerInstance, ContainerRuntime, PodSandbox } from '../runtime/runtime.js';
import { newRecord, type ContainerRecord } from '../status/container-record.js';
import { isTerminalPhase } from '../status/phase.js';
import { computePodStatus } from '../status/pod-status.js';
import type { ContainerSpec, Pod } from '../types.js';
import type { BackoffEntry, BackoffPolicy } from './backoff.js';
import { containerConfig, type NodeFacts } from './container-config.js';
import { decide, type PodAction } from './decide.js';
import { lostRun, recoverContainer, wasStarted } from './recover.js';
import { activeDeadlineAt, DEADLINE_EXCEEDED } from './active-deadline.js';
import type { StatusWriter } from './status-writer.js';
import type { ConfigObjects } from '../container-env.js';

export interface PodWorkerDeps {
  runtime: ContainerRuntime;
  node: NodeFacts;
  writer: StatusWriter;
  /** deletePod with grace 0: the kubelet's confirmation that everything is stopped. */
  confirmDeletion(pod: Pod): Promise<void>;
  startProbe(options: ProbeWorkerOptions): ProbeWorker;
  runHandler: RunLifecycleHandler;
  backoff: BackoffPolicy;
  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void;
  log(message: string, error?: unknown): void;
  /** The worker is done: the pod is gone and cleaned up. */
  onDone(worker: PodWorker): void;
  /** Leave containers running on stop (re-adopted by the next agent). */
  leaveRunning?: boolean;
  /** Record Created/Started events for every container start (off for simulated fleets: too many). */
  startEvents?: boolean;
  /** ConfigMaps and Secrets for env (configMapKeyRef, secretKeyRef, envFrom); absent: none exist. */
  configObjects?: ConfigObjects;
}

type Stage = 'active' | 'terminating' | 'done';
const CONFIG_RETRY_MS = 10_000;
const MIN_GRACE_MS = 2_000;

export class PodWorker {
  private pod: Pod;
  private sandbox: PodSandbox | undefined;
  private readonly records = new Map<string, ContainerRecord>();
  private readonly instances = new Map<string, ContainerInstance>();
  private readonly backoff = new Map<string, BackoffEntry>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly probes: ContainerProbes;
  private stage: Stage = 'active';
  private gone = false;
  private recovered = false;
  private syncing = false;
  private dirty = false;
  /** Set when the agent itself fails the pod (activeDeadlineSeconds): nothing starts any more. */
  private failure: { reason: string; message: string } | undefined;
  private readonly firstSeen = Date.now();
  private deadlineTimer: NodeJS.Timeout | undefined;
  /** The image each running container was started with: a changed image means a restart. */
  private readonly startedImage = new Map<string, string>();
  private readonly mustRestart = new Set<string>();

  constructor(
    private readonly deps: PodWorkerDeps,
    readonly key: string,
    pod: Pod,
  ) {
    this.pod = pod;
    this.probes = new ContainerProbes(deps.startProbe);
  }

  get uid(): string {
    return this.pod.metadata.uid!;
  }

  get podIP(): string | undefined {
    return this.sandbox?.podIP;
  }

  get runtime(): ContainerRuntime {
    return this.deps.runtime;
  }

  /** The pod as last seen (read-only). */
  get current(): Pod {
    return this.pod;
  }

  /** The pod as the informer has it now. */
  update(pod: Pod): void {
    this.pod = pod;
    this.kick();
  }

  /** The pod left the API without us (force delete): kill what is left and clean up. */
  vanished(): void {
    this.gone = true;
    this.kick();
  }

  /** Agent shutdown: stop probes and timers; stop containers unless told to leave them. */
  async shutdown(): Promise<void> {
    this.stage = 'done';
    this.clearTimers();
    this.probes.stopAll();
    if (!this.deps.leaveRunning) await Promise.all([...this.instances.values()].map((i) => this.deps.runtime.stop(i, MIN_GRACE_MS).catch(() => {})));
  }

  /** A container waits for its env (CreateContainerConfigError): a ConfigMap or Secret appearing may let it start. */
  get waitingForConfig(): boolean {
    for (const record of this.records.values()) if (record.waiting?.reason === 'CreateContainerConfigError') return true;
    return false;
  }

  kick(): void {
    if (this.stage === 'done') return;
    if (this.syncing) {
      this.dirty = true;
      return;
    }
    void this.loop();
  }

  private async loop(): Promise<void> {
    this.syncing = true;
    try {
      do {
        this.dirty = false;
        await this.syncOnce();
      } while (this.dirty && this.stage !== 'done');
    } catch (error) {
      this.deps.log(`sync pod ${this.key}`, error);
      this.after(1000, () => this.kick());
    } finally {
      this.syncing = false;
    }
  }

  private async syncOnce(): Promise<void> {
    if (this.stage === 'done') return;
    if (this.gone) return this.cleanUp(0);
    if (this.pod.metadata.deletionTimestamp) return this.terminate();
    if (this.stage !== 'active') return;
    if (!this.recovered) {
      this.recovered = true;
      if (isTerminalPhase(this.pod.status?.phase)) return; // nothing left to run
      if (wasStarted(this.pod.status)) await this.recover();
    }
    if (isTerminalPhase(this.pod.status?.phase) && this.instances.size === 0) return;
    if (this.failure || this.deadlinePassed()) return this.failPod();
    await this.stopChanged();

    const decision = decide({
      spec: this.pod.spec,
      pod: { name: this.pod.metadata.name, namespace: this.pod.metadata.namespace!, uid: this.uid },
      hasSandbox: Boolean(this.sandbox),
      records: this.records,
      backoff: this.backoff,
      now: Date.now(),
      policy: this.deps.backoff,
      mustRestart: this.mustRestart,
    });
    for (const action of decision.actions) {
      await this.act(action);
      if (this.stage !== 'active' || this.pod.metadata.deletionTimestamp || this.gone) break;
    }
    if (decision.finished) this.probes.stopAll();
    this.publish();
  }

  private async act(action: PodAction): Promise<void> {
    switch (action.type) {
      case 'createSandbox': {
        const { metadata, status } = this.pod;
        this.sandbox = await this.deps.runtime.createSandbox({
          uid: this.uid,
          namespace: metadata.namespace!,
          name: metadata.name,
          podIP: status?.podIP,
          annotations: metadata.annotations ?? {},
          volumes: (this.pod.spec as { volumes?: { name: string; emptyDir?: object | null }[] }).volumes,
        });
        this.dirty = true;
        return;
      }
      case 'backoff': {
        const record = this.records.get(action.container)!;
        if (record.waiting?.reason !== 'CrashLoopBackOff') {
          this.deps.event(
            this.pod,
            'Warning',
            'BackOff',
            `Back-off restarting failed container ${action.container} in pod ${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`,
          );
        }
        record.waiting = { reason: 'CrashLoopBackOff', message: action.message };
        this.after(Math.max(0, action.until - Date.now()), () => this.kick());
        return;
      }
      case 'start':
        return this.start(action.container, action.init, action.restartCount, action.backoff);
    }
  }

  /** The kubelet restarts a container whose image was changed in the pod (the one mutable part of a container). */
  private async stopChanged(): Promise<void> {
    for (const [name, instance] of [...this.instances]) {
      if (!this.pod.spec.containers.some((c) => c.name === name)) continue;
      const image = this.specOf(name).image ?? '';
      if (this.startedImage.get(name) === image) continue;
      this.deps.event(this.pod, 'Normal', 'Killing', `Container ${name} definition changed, will be restarted`);
      this.mustRestart.add(name);
      this.stopProbes(name);
      await this.deps.runtime.stop(instance, this.graceMs());
      const record = this.records.get(name)!;
      Object.assign(record, { current: { id: instance.id, run: await instance.exited }, ready: false, started: false });
      this.instances.delete(name);
    }
  }

  /** True once spec.activeDeadlineSeconds has run out; otherwise arms a timer for that moment. */
  private deadlinePassed(): boolean {
    const at = activeDeadlineAt(this.pod, this.firstSeen);
    if (at === undefined) return false;
    if (Date.now() >= at) return true;
    clearTimeout(this.deadlineTimer);
    this.deadlineTimer = setTimeout(() => this.kick(), at - Date.now() + 10);
    return false;
  }

  /** The kubelet's active-deadline handling: kill everything, phase Failed, reason DeadlineExceeded. */
  private async failPod(): Promise<void> {
    if (!this.failure) {
      this.failure = DEADLINE_EXCEEDED;
      this.deps.event(this.pod, 'Normal', 'DeadlineExceeded', DEADLINE_EXCEEDED.message);
      this.clearTimers();
      for (const record of this.records.values()) record.waiting = undefined;
      await Promise.all(
        [...this.instances.entries()].map(async ([name, instance]) => {
          this.stopProbes(name);
          await this.deps.runtime.stop(instance, this.graceMs());
          const record = this.records.get(name)!;
          Object.assign(record, { current: { id: instance.id, run: await instance.exited }, ready: false, started: false });
          this.instances.delete(name);
        }),
      );
    }
    this.publish();
  }

  /** POD_IP as containers see it: the node's address for hostNetwork pods. */
  private podAddress(): string {
    return this.pod.spec.hostNetwork ? this.deps.node.hostIP : this.sandbox!.podIP;
  }

  private specOf(name: string): ContainerSpec {
    return [...(this.pod.spec.initContainers ?? []), ...this.pod.spec.containers].find((c) => c.name === name)!;
  }

  private async start(name: string, init: boolean, restartCount: number, backoff?: BackoffEntry): Promise<void> {
    const spec = this.specOf(name);
    const record = this.records.get(name) ?? newRecord(name);
    this.records.set(name, record);
    let config: ReturnType<typeof containerConfig>;
    try {
      config = containerConfig(this.pod, spec, init, this.podAddress(), this.deps.node, {
        configObjects: this.deps.configObjects,
        onInvalidNames: (message) => this.deps.event(this.pod, 'Warning', 'InvalidEnvironmentVariableNames', message),
      });
    } catch (error) {
      const message = (error as Error).message;
      // The kubelet's Failed event; once per distinct cause, not on every retry.
      if (record.waiting?.message !== message) this.deps.event(this.pod, 'Warning', 'Failed', `Error: ${message}`);
      record.waiting = { reason: (error as { reason?: string }).reason ?? 'CreateContainerConfigError', message };
      // A ConfigMap or Secret appearing wakes the worker at once (waitingForConfig); this is the safety net.
      this.after(CONFIG_RETRY_MS, () => this.kick());
      return;
    }
    if (backoff) this.backoff.set(name, backoff);
    let instance: ContainerInstance;
    try {
      instance = await this.deps.runtime.start(this.sandbox!, config, restartCount);
    } catch (error) {
      // Like containerd's StartError: the run "exited" 128 at once; back-off applies.
      const now = new Date();
      this.nextRun(record, `${this.uid}/${name}/${restartCount}`, restartCount, {
        state: 'exited',
        startedAt: now,
        finishedAt: now,
        exitCode: 128,
        reason: 'StartError',
        message: (error as Error).message,
      });
      this.deps.event(this.pod, 'Warning', 'Failed', `Error: ${(error as Error).message}`);
      this.dirty = true;
      return;
    }
    this.adoptInstance(name, init, record, instance, restartCount);
    if (this.deps.startEvents) {
      this.deps.event(this.pod, 'Normal', 'Created', `Created container ${name}`);
      this.deps.event(this.pod, 'Normal', 'Started', `Started container ${name}`);
    }
    const postStart = spec.lifecycle?.postStart;
    if (postStart && !init && this.stage === 'active') {
      const result = await this.deps.runHandler(postStart, this.target(name, instance), this.graceMs());
      if (!result.ok && instance.state().state === 'running') {
        this.deps.event(this.pod, 'Warning', 'FailedPostStartHook', result.message ?? `PostStartHook failed`);
        await this.deps.runtime.stop(instance, this.graceMs());
      }
    }
  }

  /** Makes `instance` the container's current run: watches its exit, starts its probes. */
  private adoptInstance(name: string, init: boolean, record: ContainerRecord, instance: ContainerInstance, restartCount: number): void {
    this.nextRun(record, instance.id, restartCount, instance.state());
    this.instances.set(name, instance);
    this.startedImage.set(name, this.specOf(name).image ?? '');
    this.mustRestart.delete(name);
    void instance.exited.then((exit) => {
      if (this.instances.get(name) !== instance) return;
      this.instances.delete(name);
      this.stopProbes(name);
      Object.assign(record, { current: { id: instance.id, run: exit }, ready: false, started: false });
      this.kick();
    });
    if (instance.state().state === 'running' && this.stage === 'active') this.startProbes(name, init, record, instance);
  }

  private nextRun(record: ContainerRecord, id: string, restartCount: number, run: NonNullable<ContainerRecord['current']>['run']): void {
    const old = record.current;
    if (old && old.run.state === 'exited' && old.id !== id) record.previous = { id: old.id, run: old.run };
    record.current = { id, run };
    record.restartCount = restartCount;
    record.waiting = undefined;
    record.ready = false;
    record.started = false;
  }

  private target(name: string, instance: ContainerInstance): ProbeTarget {
    const spec = this.specOf(name);
    return { runtime: this.deps.runtime, sandbox: this.sandbox!, instance, ports: (spec.ports ?? []).map((p) => ({ name: p.name, containerPort: p.containerPort })) };
  }

  /** Probes of an app container's run; an init container counts as started at once. */
  private startProbes(name: string, init: boolean, record: ContainerRecord, instance: ContainerInstance): void {
    if (init) {
      record.started = true;
      return;
    }
    this.probes.start(name, this.specOf(name), {
      target: this.target(name, instance),
      isCurrent: () => this.instances.get(name) === instance,
      started: () => {
        record.started = true;
        this.publish();
      },
      ready: (ok, message) => {
        if (!ok && record.ready) this.deps.event(this.pod, 'Warning', 'Unhealthy', message ?? 'Readiness probe failed');
        record.ready = ok;
        this.publish();
      },
      unhealthy: (kind, message) => {
        this.deps.event(this.pod, 'Warning', 'Unhealthy', message ?? `${kind === 'liveness' ? 'Liveness' : 'Startup'} probe failed`);
        this.deps.event(this.pod, 'Normal', 'Killing', `Container ${name} failed ${kind} probe, will be restarted`);
        void this.deps.runtime.stop(instance, this.graceMs());
      },
    });
  }

  private stopProbes(name: string): void {
    this.probes.stop(name);
  }

  private graceMs(): number {
    const seconds = this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
    return seconds * 1000;
  }

  /** Graceful deletion: preStop, SIGTERM, SIGKILL at the deadline, final status, then confirm with grace 0. */
  private async terminate(): Promise<void> {
    if (this.stage !== 'active') return;
    this.stage = 'terminating';
    this.clearTimers();
    const graceMs = this.graceMs();
    await Promise.all(
      [...this.instances.entries()].map(async ([name, instance]) => {
        this.stopProbes(name);
        const started = Date.now();
        const preStop = this.specOf(name).lifecycle?.preStop;
        if (preStop && graceMs > 0) {
          const result = await this.deps.runHandler(preStop, this.target(name, instance), graceMs);
          if (!result.ok) this.deps.event(this.pod, 'Warning', 'FailedPreStopHook', result.message ?? 'PreStopHook failed');
        }
        const remaining = graceMs > 0 ? Math.max(graceMs - (Date.now() - started), MIN_GRACE_MS) : 0;
        this.deps.event(this.pod, 'Normal', 'Killing', `Stopping container ${name}`);
        await this.deps.runtime.stop(instance, remaining);
        const record = this.records.get(name)!;
        Object.assign(record, { current: { id: instance.id, run: await instance.exited }, ready: false, started: false, waiting: undefined });
        this.instances.delete(name);
      }),
    );
    // Containers waiting for a restart will not get one.
    for (const record of this.records.values()) record.waiting = undefined;
    this.publish(true);
    await this.deps.writer.flushed(this.uid);
    try {
      await this.deps.confirmDeletion(this.pod);
    } catch (error) {
      this.deps.log(`confirm deletion of ${this.key}`, error);
    }
    await this.cleanUp(0);
  }

  private async cleanUp(graceMs: number): Promise<void> {
    this.stage = 'done';
    this.clearTimers();
    this.probes.stopAll();
    await Promise.all([...this.instances.values()].map((i) => this.deps.runtime.stop(i, graceMs).catch(() => {})));
    this.instances.clear();
    await this.deps.runtime.removeSandbox(this.uid).catch((e) => this.deps.log(`remove sandbox of ${this.key}`, e));
    this.deps.writer.forget(this.uid);
    this.deps.onDone(this);
  }

  /** Picks up where the previous agent left off (see recover.ts). */
  private async recover(): Promise<void> {
    const status = this.pod.status!;
    const { metadata } = this.pod;
    this.sandbox = await this.deps.runtime.createSandbox({
      uid: this.uid,
      namespace: metadata.namespace!,
      name: metadata.name,
      podIP: status.podIP,
      annotations: metadata.annotations ?? {},
      volumes: (this.pod.spec as { volumes?: { name: string; emptyDir?: object | null }[] }).volumes,
    });
    const statuses = [...(status.initContainerStatuses ?? []).map((s) => ({ s, init: true })), ...(status.containerStatuses ?? []).map((s) => ({ s, init: false }))];
    for (const { s, init } of statuses) {
      const spec = [...(this.pod.spec.initContainers ?? []), ...this.pod.spec.containers].find((c) => c.name === s.name);
      if (!spec) continue;
      const { record, runningSince } = recoverContainer(this.uid, s);
      this.records.set(s.name, record);
      if (!runningSince) continue;
      const config = containerConfig(this.pod, spec, init, this.podAddress(), this.deps.node);
      const instance = await this.deps.runtime.adopt?.(this.sandbox, config, record.restartCount, runningSince);
      if (instance) this.adoptInstance(s.name, init, record, instance, record.restartCount);
      else record.current = { id: `${this.uid}/${s.name}/${record.restartCount}`, run: lostRun(runningSince, new Date()) };
    }
    this.deps.log(`resumed pod ${this.key}: ${this.instances.size} running container(s) re-adopted`);
  }

  private publish(terminating = false): void {
    const status = computePodStatus({
      pod: this.pod,
      records: this.records,
      sandbox: this.sandbox,
      hostIP: this.deps.node.hostIP,
      runtimeName: this.deps.runtime.name,
      terminating,
      now: toTimestamp(new Date()),
      failure: this.failure,
    });
    // Keyed by uid: a new pod of the same name never loses its report to the old one's clean-up.
    this.deps.writer.set(this.uid, this.pod.metadata.namespace!, this.pod.metadata.name, status, this.pod.status);
  }

  private after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.deadlineTimer);
  }
}
