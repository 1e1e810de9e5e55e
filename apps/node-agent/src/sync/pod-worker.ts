// One worker per pod: drives it through the runtime (sandbox, init containers, app
// containers, restarts with back-off, probes, hooks, graceful deletion) and publishes
// its status. Decisions come from nextStep() (pod-lifecycle.ts), decide() and
// computePodStatus(); this is the shell that carries them out, with its timers.
import { quantityToBytes, toTimestamp } from '@wheelhouse/resources';
import type { RunLifecycleHandler } from '../hooks/lifecycle-handler.js';
import type { ProbeTarget, ProbeWorker, ProbeWorkerOptions } from '../probes/probe-worker.js';
import { ContainerProbes } from './container-probes.js';
import type { ContainerConfig, ContainerInstance, ContainerRuntime, PodSandbox } from '../runtime/runtime.js';
import { beginRun, endRun, newRecord, type ContainerRecord } from '../status/container-record.js';
import { isTerminalPhase } from '../status/phase.js';
import { computePodStatus } from '../status/pod-status.js';
import type { Container, Pod } from '@wheelhouse/model';
import type { BackoffEntry, BackoffPolicy } from './backoff.js';
import { containerConfig, runtimeValues, type NodeFacts } from './container-config.js';
import { isProjectedVolume, volumeSetups, type ClaimLister } from '../volumes/volume-setup.js';
import { podEtcFiles, type ClusterDnsSettings } from '../volumes/pod-etc.js';
import { decide, type PodAction } from './decide.js';
import { lostRun, recoverContainer, wasStarted } from './recover.js';
import { activeDeadlineAt, DEADLINE_EXCEEDED } from './active-deadline.js';
import { enterStep, initialLifecycle, nextStep, type LifecycleState, type Step } from './pod-lifecycle.js';
import { changedImages, containerPorts, containerSpec, gracePeriodMs, podAddress } from './pod-spec.js';
import { SyncLoop } from './sync-loop.js';
import { Timers } from './timers.js';
import type { StatusWriter } from './status-writer.js';
import type { ConfigObjects, ServiceLister } from '../container-env.js';

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
  /** Services for the Service environment variables; absent: none exist. */
  services?: ServiceLister;
  /** PersistentVolumeClaims and PersistentVolumes (persistentVolumeClaim volumes); absent: none exist. */
  claims?: ClaimLister;
  /** Cluster DNS settings for the pod's own resolv.conf and hosts; absent: pods keep the host's. */
  dns?: ClusterDnsSettings;
}

const CONFIG_RETRY_MS = 10_000;
/** How often disk emptyDirs with a sizeLimit are measured (the kubelet's housekeeping is 10 s). */
const EMPTY_DIR_CHECK_MS = 2_000;
const MIN_GRACE_MS = 2_000;

export class PodWorker {
  private pod: Pod;
  /** Stage, vanished, recovered, failure: what nextStep() decides on. */
  private state: LifecycleState = initialLifecycle();
  private sandbox: PodSandbox | undefined;
  private readonly records = new Map<string, ContainerRecord>();
  private readonly instances = new Map<string, ContainerInstance>();
  private readonly backoff = new Map<string, BackoffEntry>();
  private readonly probes: ContainerProbes;
  private readonly timers = new Timers();
  private readonly loop: SyncLoop;
  private readonly firstSeen = Date.now();
  /** The image each running container was started with: a changed image means a restart. */
  private readonly startedImage = new Map<string, string>();
  private readonly mustRestart = new Set<string>();
  /** Volumes set up (WaitForAttachAndMount done); until then no container starts. */
  private volumesReady = false;
  /** Why the volumes could not be set up (FailedMount), while the pod waits. */
  private volumeError: string | undefined;
  /** Set once a disk emptyDir outgrew its sizeLimit: the pod is evicted. */
  private eviction: { reason: string; message: string } | undefined;

  constructor(
    private readonly deps: PodWorkerDeps,
    readonly key: string,
    pod: Pod,
  ) {
    this.pod = pod;
    this.probes = new ContainerProbes(deps.startProbe);
    this.loop = new SyncLoop({
      sync: () => this.syncOnce(),
      stopped: () => this.state.stage === 'done',
      onError: (error) => {
        this.deps.log(`sync pod ${this.key}`, error);
        this.timers.after(1000, () => this.kick());
      },
    });
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
    const before = this.pod.metadata;
    this.pod = pod;
    // Downward API files follow the pod's labels and annotations.
    if (JSON.stringify([before.labels, before.annotations]) !== JSON.stringify([pod.metadata.labels, pod.metadata.annotations])) void this.refreshVolumes();
    this.kick();
  }

  /**
   * A ConfigMap or Secret changed: projected volumes are brought up to date (the atomic
   * writer leaves unchanged ones alone), as the kubelet's periodic volume sync does.
   */
  async refreshVolumes(): Promise<void> {
    if (!this.volumesReady || !this.sandbox || this.state.stage === 'done') return;
    if (!(this.pod.spec?.volumes ?? []).some(isProjectedVolume)) return;
    try {
      await this.setUpVolumes();
      this.volumeError = undefined;
    } catch (error) {
      // The files stay as they were (the kubelet keeps the last payload too).
      const message = (error as Error).message;
      if (this.volumeError !== message) this.deps.event(this.pod, 'Warning', 'FailedMount', message);
      this.volumeError = message;
    }
  }

  /** The pod left the API without us (force delete): kill what is left and clean up. */
  vanished(): void {
    this.state = { ...this.state, vanished: true };
    this.kick();
  }

  /** Agent shutdown: stop probes and timers; stop containers unless told to leave them. */
  async shutdown(): Promise<void> {
    this.state = { ...this.state, stage: 'done' };
    this.timers.clear();
    this.probes.stopAll();
    if (!this.deps.leaveRunning) await Promise.all([...this.instances.values()].map((i) => this.deps.runtime.stop(i, MIN_GRACE_MS).catch(() => {})));
  }

  /** A container waits for its env (CreateContainerConfigError): a ConfigMap or Secret appearing may let it start. */
  get waitingForConfig(): boolean {
    for (const record of this.records.values()) if (record.waiting?.reason === 'CreateContainerConfigError') return true;
    return !this.volumesReady && this.volumeError !== undefined;
  }

  kick(): void {
    this.loop.kick();
  }

  /** One pass: the next step of the pod's lifecycle, carried out. */
  private async syncOnce(): Promise<void> {
    for (;;) {
      const step = nextStep(this.state, this.facts());
      this.state = enterStep(this.state, step);
      if (step.type !== 'recover') return this.carryOut(step);
      if (step.adopt) await this.recover();
    }
  }

  /** What nextStep() needs to know of the pod now. */
  private facts() {
    return {
      deleting: Boolean(this.pod.metadata.deletionTimestamp),
      terminalPhase: isTerminalPhase(this.pod.status?.phase),
      startedBefore: wasStarted(this.pod.status),
      running: this.instances.size,
      deadlineAt: activeDeadlineAt(this.pod, this.firstSeen),
      now: Date.now(),
      changedImages: changedImages(this.pod, this.runningImages()),
      eviction: this.eviction,
    };
  }

  private async carryOut(step: Exclude<Step, { type: 'recover' }>): Promise<void> {
    switch (step.type) {
      case 'idle':
        return;
      case 'cleanUp':
        return this.cleanUp(0);
      case 'terminate':
        return this.terminate();
      case 'fail':
        return this.failPod(step.first);
      case 'sync':
        if (step.wakeAt !== undefined) this.timers.wakeAt(step.wakeAt, () => this.kick());
        return this.sync(step.restart);
    }
  }

  /** The pod runs: containers with a changed image stop, then decide() says what starts. */
  private async sync(restart: readonly string[]): Promise<void> {
    await this.stopChanged(restart);
    const decision = decide({
      spec: this.pod.spec ?? {},
      pod: { name: this.pod.metadata.name ?? '', namespace: this.pod.metadata.namespace!, uid: this.uid },
      hasSandbox: Boolean(this.sandbox),
      records: this.records,
      backoff: this.backoff,
      now: Date.now(),
      policy: this.deps.backoff,
      mustRestart: this.mustRestart,
    });
    for (const action of decision.actions) {
      await this.act(action);
      if (this.state.stage !== 'active' || this.pod.metadata.deletionTimestamp || this.state.vanished) break;
    }
    if (decision.finished) this.probes.stopAll();
    this.publish();
  }

  private async act(action: PodAction): Promise<void> {
    switch (action.type) {
      case 'createSandbox': {
        this.sandbox = await this.deps.runtime.createSandbox(this.sandboxInput());
        this.loop.again();
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
        this.timers.after(Math.max(0, action.until - Date.now()), () => this.kick());
        return;
      }
      case 'start':
        return this.start(action.container, action.init, action.restartCount, action.backoff);
    }
  }

  /** The kubelet restarts a container whose image was changed in the pod (the one mutable part of a container). */
  private async stopChanged(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const instance = this.instances.get(name);
      if (!instance) continue;
      this.deps.event(this.pod, 'Normal', 'Killing', `Container ${name} definition changed, will be restarted`);
      this.mustRestart.add(name);
      await this.stopContainer(name, instance, this.graceMs());
    }
  }

  /** The kubelet's active-deadline handling: kill everything (the first time), phase Failed, reason DeadlineExceeded. */
  private async failPod(first: boolean): Promise<void> {
    if (first) {
      const failure = this.state.failure ?? DEADLINE_EXCEEDED;
      // The kubelet's events: Normal DeadlineExceeded, Warning Evicted.
      this.deps.event(this.pod, failure.reason === 'Evicted' ? 'Warning' : 'Normal', failure.reason, failure.message);
      this.timers.clear();
      for (const record of this.records.values()) record.waiting = undefined;
      await Promise.all([...this.instances].map(([name, instance]) => this.stopContainer(name, instance, this.graceMs())));
    }
    this.publish();
  }

  private specOf(name: string): Container {
    // Only asked for containers the spec has (decide() and the statuses name them).
    return containerSpec(this.pod, name)!;
  }

  /** Env from ConfigMaps and Secrets, and the event for envFrom keys skipped as invalid names. */
  private configSources() {
    return {
      configObjects: this.deps.configObjects,
      services: this.deps.services,
      onInvalidNames: (message: string) => this.deps.event(this.pod, 'Warning', 'InvalidEnvironmentVariableNames', message),
    };
  }

  /** The image each running container was started with. */
  private runningImages(): Map<string, string> {
    return new Map([...this.instances.keys()].map((name) => [name, this.startedImage.get(name) ?? '']));
  }

  private async start(name: string, init: boolean, restartCount: number, backoff?: BackoffEntry): Promise<void> {
    const spec = this.specOf(name);
    const record = this.records.get(name) ?? newRecord(name);
    this.records.set(name, record);
    if (!(await this.ensureVolumes(record))) return;
    let config: ContainerConfig;
    try {
      config = containerConfig(this.pod, spec, init, podAddress(this.pod, this.sandbox!.podIP, this.deps.node.hostIP), this.deps.node, this.configSources());
    } catch (error) {
      const message = (error as Error).message;
      // The kubelet's Failed event; once per distinct cause, not on every retry.
      if (record.waiting?.message !== message) this.deps.event(this.pod, 'Warning', 'Failed', `Error: ${message}`);
      record.waiting = { reason: (error as { reason?: string }).reason ?? 'CreateContainerConfigError', message };
      // A ConfigMap or Secret appearing wakes the worker at once (waitingForConfig); this is the safety net.
      this.timers.after(CONFIG_RETRY_MS, () => this.kick());
      return;
    }
    if (backoff) this.backoff.set(name, backoff);
    let instance: ContainerInstance;
    try {
      instance = await this.deps.runtime.start(this.sandbox!, config, restartCount);
    } catch (error) {
      // Like containerd's StartError: the run "exited" 128 at once; back-off applies.
      const now = new Date();
      beginRun(record, `${this.uid}/${name}/${restartCount}`, restartCount, {
        state: 'exited',
        startedAt: now,
        finishedAt: now,
        exitCode: 128,
        reason: 'StartError',
        message: (error as Error).message,
      });
      this.deps.event(this.pod, 'Warning', 'Failed', `Error: ${(error as Error).message}`);
      this.loop.again();
      return;
    }
    this.adoptInstance(name, init, record, instance, restartCount);
    if (this.deps.startEvents) {
      this.deps.event(this.pod, 'Normal', 'Created', `Created container ${name}`);
      this.deps.event(this.pod, 'Normal', 'Started', `Started container ${name}`);
    }
    const postStart = spec.lifecycle?.postStart;
    if (postStart && !init && this.state.stage === 'active') {
      const result = await this.deps.runHandler(postStart, this.target(name, instance), this.graceMs());
      if (!result.ok && instance.state().state === 'running') {
        this.deps.event(this.pod, 'Warning', 'FailedPostStartHook', result.message ?? `PostStartHook failed`);
        await this.deps.runtime.stop(instance, this.graceMs());
      }
    }
  }

  /** The kubelet's WaitForAttachAndMount: every volume is set up before any container starts. */
  private async ensureVolumes(record: ContainerRecord): Promise<boolean> {
    if (this.volumesReady) return true;
    try {
      await this.setUpVolumes();
    } catch (error) {
      const message = (error as Error).message;
      if (this.volumeError !== message) this.deps.event(this.pod, 'Warning', 'FailedMount', message);
      this.volumeError = message;
      record.waiting = { reason: 'ContainerCreating' };
      // A ConfigMap or Secret appearing wakes the worker at once (waitingForConfig); this is the safety net.
      this.timers.after(CONFIG_RETRY_MS, () => this.kick());
      return false;
    }
    this.volumeError = undefined;
    this.volumesReady = true;
    this.watchEmptyDirs();
    return true;
  }

  /**
   * The kubelet's local storage eviction: a disk emptyDir's sizeLimit is checked every few
   * seconds; over it, the pod is evicted (phase Failed, reason Evicted, its containers stopped).
   */
  private watchEmptyDirs(): void {
    const limited = (this.pod.spec?.volumes ?? []).filter((v) => v.emptyDir?.sizeLimit && v.emptyDir.medium !== 'Memory');
    if (limited.length === 0 || !this.deps.runtime.volumeBytes) return;
    const check = async () => {
      if (this.state.stage !== 'active' || this.eviction || !this.sandbox) return;
      for (const volume of limited) {
        const limit = String(volume.emptyDir!.sizeLimit);
        const used = await this.deps.runtime.volumeBytes!(this.sandbox, volume.name ?? '');
        if (used > Number(quantityToBytes(limit) ?? Number.POSITIVE_INFINITY)) {
          this.eviction = { reason: 'Evicted', message: `Usage of EmptyDir volume "${volume.name}" exceeds the limit "${limit}". ` };
          this.kick();
          return;
        }
      }
      this.timers.after(EMPTY_DIR_CHECK_MS, () => void check());
    };
    this.timers.after(EMPTY_DIR_CHECK_MS, () => void check());
  }

  private async setUpVolumes(): Promise<void> {
    const podIP = podAddress(this.pod, this.sandbox!.podIP, this.deps.node.hostIP);
    const setups = volumeSetups(this.pod, { configObjects: this.deps.configObjects, claims: this.deps.claims, runtime: runtimeValues(podIP, this.deps.node) });
    await this.deps.runtime.setUpVolumes(this.sandbox!, setups, this.deps.dns && podEtcFiles(this.pod, podIP, this.deps.dns));
  }

  /** Makes `instance` the container's current run: watches its exit, starts its probes. */
  private adoptInstance(name: string, init: boolean, record: ContainerRecord, instance: ContainerInstance, restartCount: number): void {
    beginRun(record, instance.id, restartCount, instance.state());
    this.instances.set(name, instance);
    this.startedImage.set(name, this.specOf(name).image ?? '');
    this.mustRestart.delete(name);
    void instance.exited.then((exit) => {
      if (this.instances.get(name) !== instance) return;
      this.instances.delete(name);
      this.probes.stop(name);
      endRun(record, instance.id, exit);
      this.kick();
    });
    if (instance.state().state === 'running' && this.state.stage === 'active') this.startProbes(name, init, record, instance);
  }

  private target(name: string, instance: ContainerInstance): ProbeTarget {
    return { runtime: this.deps.runtime, sandbox: this.sandbox!, instance, ports: containerPorts(containerSpec(this.pod, name)) };
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

  /** Stops one run (probes first) and records how it ended. */
  private async stopContainer(name: string, instance: ContainerInstance, graceMs: number): Promise<void> {
    this.probes.stop(name);
    await this.deps.runtime.stop(instance, graceMs);
    endRun(this.records.get(name)!, instance.id, await instance.exited);
    this.instances.delete(name);
  }

  /** What the runtime needs to make the pod's sandbox. */
  private sandboxInput() {
    const { metadata, status } = this.pod;
    return {
      uid: this.uid,
      namespace: metadata.namespace!,
      name: metadata.name ?? '',
      podIP: status?.podIP,
      annotations: metadata.annotations ?? {},
      // The API requires every volume's name, which the model types as optional.
      volumes: this.pod.spec?.volumes?.map((v) => ({ ...v, name: v.name ?? '' })),
    };
  }

  private graceMs(): number {
    return gracePeriodMs(this.pod);
  }

  /** Graceful deletion: preStop, SIGTERM, SIGKILL at the deadline, final status, then confirm with grace 0. */
  private async terminate(): Promise<void> {
    this.timers.clear();
    const graceMs = this.graceMs();
    await Promise.all(
      [...this.instances.entries()].map(async ([name, instance]) => {
        this.probes.stop(name);
        const started = Date.now();
        const preStop = this.specOf(name).lifecycle?.preStop;
        if (preStop && graceMs > 0) {
          const result = await this.deps.runHandler(preStop, this.target(name, instance), graceMs);
          if (!result.ok) this.deps.event(this.pod, 'Warning', 'FailedPreStopHook', result.message ?? 'PreStopHook failed');
        }
        const remaining = graceMs > 0 ? Math.max(graceMs - (Date.now() - started), MIN_GRACE_MS) : 0;
        this.deps.event(this.pod, 'Normal', 'Killing', `Stopping container ${name}`);
        await this.stopContainer(name, instance, remaining);
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
    this.state = { ...this.state, stage: 'done' };
    this.timers.clear();
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
    this.sandbox = await this.deps.runtime.createSandbox(this.sandboxInput());
    const statuses = [...(status.initContainerStatuses ?? []).map((s) => ({ s, init: true })), ...(status.containerStatuses ?? []).map((s) => ({ s, init: false }))];
    for (const { s, init } of statuses) {
      const spec = s.name ? containerSpec(this.pod, s.name) : undefined;
      if (!spec) continue;
      const { record, runningSince } = recoverContainer(this.uid, s);
      this.records.set(record.name, record);
      if (!runningSince) continue;
      const config = containerConfig(this.pod, spec, init, podAddress(this.pod, this.sandbox!.podIP, this.deps.node.hostIP), this.deps.node);
      const instance = await this.deps.runtime.adopt?.(this.sandbox, config, record.restartCount, runningSince);
      if (instance) this.adoptInstance(record.name, init, record, instance, record.restartCount);
      else record.current = { id: `${this.uid}/${record.name}/${record.restartCount}`, run: lostRun(runningSince, new Date()) };
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
      failure: this.state.failure,
    });
    // Keyed by uid: a new pod of the same name never loses its report to the old one's clean-up.
    this.deps.writer.set(this.uid, this.pod.metadata.namespace!, this.pod.metadata.name ?? '', status, this.pod.status);
  }
}
