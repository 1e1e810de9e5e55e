// A container runtime made of timers (like kwok): containers "start" after a delay, "run"
// until told to exit (annotations, see knobs.ts) or stopped, write synthetic logs and
// report synthetic usage. One instance per node; hundreds fit in one process.
import { createHash } from 'node:crypto';
import { IpAllocator } from '../../network/index.js';
import type {
  ContainerConfig,
  ContainerInstance,
  ContainerMount,
  ContainerRunState,
  ContainerRuntime,
  ExecResult,
  LogOptions,
  PodEtcFiles,
  PodSandbox,
  ResourceUsage,
  VolumeSetup,
} from '../runtime.js';
import { knobsFor, type ContainerKnobs } from './knobs.js';
import { formatLines, LOG_EVERY_MS, runLines, type SimRun } from './sim-logs.js';

type Exited = Extract<ContainerRunState, { state: 'exited' }>;

/** How long a simulated init container runs when its pod does not say. */
const INIT_RUN_MS = 100;

class SimInstance implements ContainerInstance {
  readonly exited: Promise<Exited>;
  private current: ContainerRunState;
  private resolveExit!: (state: Exited) => void;
  private exitTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: string,
    readonly podUid: string,
    readonly container: string,
    readonly knobs: ContainerKnobs,
    readonly run: SimRun,
  ) {
    this.current = { state: 'running', startedAt: run.startedAt };
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
    if (knobs.exit) {
      const remaining = Math.max(0, run.startedAt.getTime() + knobs.exit.afterMs - Date.now());
      this.exitTimer = setTimeout(() => this.finish(knobs.exit!.code), remaining);
    }
  }

  state(): ContainerRunState {
    return this.current;
  }

  finish(exitCode: number, signal?: string): void {
    if (this.current.state === 'exited') return;
    clearTimeout(this.exitTimer);
    const finishedAt = new Date();
    this.run.finishedAt = finishedAt;
    this.run.exitCode = exitCode;
    const exited: Exited = { state: 'exited', startedAt: this.run.startedAt, finishedAt, exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' };
    if (signal) exited.signal = signal;
    this.current = exited;
    this.resolveExit(exited);
  }
}

interface SimPod {
  sandbox: PodSandbox;
  /** Every run of every container, oldest first (logs of `previous` runs). */
  runs: Map<string, SimRun[]>;
  instances: Set<SimInstance>;
  /** What the pod would have mounted: nothing is written or mounted, it is only recorded. */
  volumes: VolumeSetup[];
  etc?: PodEtcFiles;
  mounts: Map<string, ContainerMount[]>;
}

export interface SimulatedRuntimeOptions {
  podCIDR: string;
  /** Start delay when the pod does not say, [min, max] ms. */
  startDelayMs: [number, number];
}

export class SimulatedRuntime implements ContainerRuntime {
  readonly name = 'simulated' as const;
  private readonly ips: IpAllocator;
  private readonly pods = new Map<string, SimPod>();

  constructor(private readonly options: SimulatedRuntimeOptions) {
    this.ips = new IpAllocator(options.podCIDR);
  }

  async createSandbox(pod: { uid: string; namespace: string; name: string; podIP?: string; annotations?: Record<string, string> }): Promise<PodSandbox> {
    const existing = this.pods.get(pod.uid);
    if (existing) return existing.sandbox;
    const podIP = this.ips.allocate(pod.uid, pod.podIP);
    const sandbox: PodSandbox = { uid: pod.uid, namespace: pod.namespace, name: pod.name, podIP, dir: `/simulated/${pod.uid}`, annotations: pod.annotations ?? {} };
    this.pods.set(pod.uid, { sandbox, runs: new Map(), instances: new Set(), volumes: [], mounts: new Map() });
    return sandbox;
  }

  async setUpVolumes(sandbox: PodSandbox, volumes: VolumeSetup[], etc?: PodEtcFiles): Promise<void> {
    const pod = this.pods.get(sandbox.uid);
    if (!pod) throw new Error(`pod ${sandbox.namespace}/${sandbox.name} has no sandbox`);
    pod.volumes = volumes;
    pod.etc = etc;
  }

  /** The volumes, /etc files and per-container mounts recorded for a pod (tests, inspection). */
  recordedMounts(podUid: string): { volumes: VolumeSetup[]; etc?: PodEtcFiles; mounts: Map<string, ContainerMount[]> } | undefined {
    const pod = this.pods.get(podUid);
    return pod && { volumes: pod.volumes, etc: pod.etc, mounts: pod.mounts };
  }

  async start(sandbox: PodSandbox, config: ContainerConfig, restartCount: number): Promise<ContainerInstance> {
    this.pods.get(sandbox.uid)?.mounts.set(config.name, config.mounts ?? []);
    const knobs = knobsFor(sandbox.annotations, config.name);
    const [min, max] = knobs.startDelayMs ?? this.options.startDelayMs;
    const delay = min + Math.random() * (max - min);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (knobs.startError) throw new Error(knobs.startError);
    // Init containers finish on their own (like kwok's) unless told otherwise.
    const withInitExit = config.init && !knobs.exit ? { ...knobs, exit: { code: 0, afterMs: INIT_RUN_MS } } : knobs;
    return this.launch(sandbox, config, restartCount, new Date(), withInitExit);
  }

  /** A simulated run survives an agent restart as its start time: it goes on as if never interrupted. */
  async adopt(sandbox: PodSandbox, config: ContainerConfig, restartCount: number, startedAt: Date): Promise<ContainerInstance | undefined> {
    const knobs = knobsFor(sandbox.annotations, config.name);
    return this.launch(sandbox, config, restartCount, startedAt, knobs);
  }

  private launch(sandbox: PodSandbox, config: ContainerConfig, restartCount: number, startedAt: Date, knobs: ContainerKnobs): SimInstance {
    const pod = this.pods.get(sandbox.uid);
    if (!pod) throw new Error(`pod ${sandbox.namespace}/${sandbox.name} has no sandbox`);
    const run: SimRun = { container: config.name, image: config.image, restartCount, startedAt, logEveryMs: knobs.logEveryMs };
    const runs = pod.runs.get(config.name) ?? [];
    runs.push(run);
    // Two runs are all `logs` and `logs --previous` ever need.
    if (runs.length > 2) runs.shift();
    pod.runs.set(config.name, runs);
    const instance = new SimInstance(`${sandbox.uid}/${config.name}/${restartCount}`, sandbox.uid, config.name, knobs, run);
    pod.instances.add(instance);
    void instance.exited.then(() => pod.instances.delete(instance));
    return instance;
  }

  async stop(instance: ContainerInstance, gracePeriodMs: number): Promise<void> {
    const sim = instance as SimInstance;
    if (sim.state().state === 'exited') return;
    if (gracePeriodMs <= 0) sim.finish(137, 'SIGKILL');
    else if (sim.knobs.ignoreSigterm) {
      // Like a process that ignores SIGTERM: killed at the deadline.
      const timer = setTimeout(() => sim.finish(137, 'SIGKILL'), gracePeriodMs);
      void sim.exited.then(() => clearTimeout(timer));
    } else sim.finish(0);
    await sim.exited;
  }

  async exec(_instance: ContainerInstance, command: string[]): Promise<ExecResult> {
    return { exitCode: 0, output: `simulated: ${command.join(' ')}\n`, timedOut: false };
  }

  async readLogs(podUid: string, container: string, options: LogOptions): Promise<string[]> {
    const runs = this.pods.get(podUid)?.runs.get(container) ?? [];
    const run = options.previous ? (runs.length > 1 ? runs[runs.length - 2] : undefined) : runs[runs.length - 1];
    if (!run) return [];
    const now = new Date();
    return formatLines(runLines(run, now), options, now);
  }

  async *followLogs(podUid: string, container: string, signal: AbortSignal): AsyncIterable<string> {
    const current = () => this.pods.get(podUid)?.runs.get(container)?.at(-1);
    let run = current();
    let seen = run ? runLines(run, new Date()).length : 0;
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(run?.logEveryMs ?? LOG_EVERY_MS, 1000));
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
      if (signal.aborted) return;
      const latest = current();
      if (!latest) return;
      if (latest !== run) {
        run = latest;
        seen = 0;
      }
      const lines = runLines(run, new Date());
      for (const line of lines.slice(seen)) yield line.text;
      seen = lines.length;
    }
  }

  /**
   * The cpu/memory knobs are read from the pod's current annotations when the agent passes
   * them, so `wh annotate pod x sim.wheelhouse.io/cpu=400m --overwrite` changes the load of a
   * running pod (what the HPA reacts to); otherwise from those the container started with.
   */
  async usage(podUid: string, annotations?: Record<string, string>): Promise<ResourceUsage | undefined> {
    const pod = this.pods.get(podUid);
    if (!pod || pod.instances.size === 0) return undefined;
    let cpuNanoCores = 0;
    let memoryBytes = 0;
    for (const instance of pod.instances) {
      const knobs = annotations ? knobsFor(annotations, instance.container) : instance.knobs;
      const seed = createHash('sha256').update(instance.id).digest();
      // Steady, plausible figures per run: 1–20m CPU and 8–64Mi memory unless the pod says.
      cpuNanoCores += (knobs.cpuMillis ?? 1 + (seed[0]! % 20)) * 1_000_000;
      memoryBytes += knobs.memoryBytes ?? (8 + (seed[1]! % 57)) * 1024 * 1024;
    }
    return { cpuNanoCores, memoryBytes };
  }

  async removeSandbox(podUid: string): Promise<void> {
    const pod = this.pods.get(podUid);
    if (!pod) return;
    for (const instance of pod.instances) instance.finish(137, 'SIGKILL');
    this.pods.delete(podUid);
    this.ips.release(podUid);
  }
}
