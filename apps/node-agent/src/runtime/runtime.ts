import type { ChildProcess } from 'node:child_process';

// The contract between the pod sync loop (which decides what should run) and a
// container runtime (which runs it). Two implementations: `process` (real child
// processes on the host) and `simulated` (timers only, like kwok). The sync loop
// never knows which one it talks to.

/** A container as the runtime needs it: the pod spec's container with env already resolved. */
export interface ContainerConfig {
  name: string;
  image: string;
  /** spec `command` (the entrypoint); empty means "the image's", which the process runtime rejects. */
  command: string[];
  args: string[];
  /** Fully resolved: literal values and fieldRef/resourceFieldRef lookups (POD_IP, node name, …). */
  env: Record<string, string>;
  /** Absolute, or relative to the pod directory. */
  workingDir?: string;
  /** True for init containers (only logged differently; ordering is the sync loop's job). */
  init: boolean;
  /** spec.containers[].resources.limits.memory in bytes, when set (simulated OOM, usage reports). */
  memoryLimitBytes?: number;
  /** The container's volumeMounts, subPathExpr already expanded (see volumes/container-mounts.ts). */
  mounts?: ContainerMount[];
}

/** One volumeMount as the runtime carries it out. */
export interface ContainerMount {
  /** The pod volume's name (set up before with setUpVolumes). */
  volume: string;
  /** Absolute path inside the container. */
  mountPath: string;
  /** Relative path inside the volume (subPath, or subPathExpr expanded). */
  subPath?: string;
  readOnly: boolean;
}

/** A file of a configMap, secret, downwardAPI or projected volume, relative to the volume. */
export interface VolumeFile {
  path: string;
  data: Buffer;
  mode: number;
}

/**
 * A pod volume as the runtime sets it up: an emptyDir, a directory or file of the host,
 * or files projected from the API (written the kubelet's atomic way, rewritten on change).
 */
export type VolumeSetup =
  | { name: string; type: 'emptyDir'; medium: '' | 'Memory'; sizeLimitBytes?: number }
  | { name: string; type: 'hostPath'; path: string; hostPathType: string }
  | { name: string; type: 'files'; files: VolumeFile[] /** Secret material: kept in memory (a tmpfs), as the kubelet keeps it. */; inMemory?: boolean };

/** The pod's own /etc/hosts, /etc/resolv.conf and /etc/hostname (issue 11), mounted in each container. */
export interface PodEtcFiles {
  hosts: string;
  resolvConf: string;
  hostname: string;
}

/** The pod-level sandbox: its directory (emptyDir volumes live under it) and its loopback IP. */
export interface PodSandbox {
  uid: string;
  namespace: string;
  name: string;
  /** An address inside 127.0.0.0/8 taken from the node's pod range. */
  podIP: string;
  /** Per-pod directory shared by its containers; `volumes/<name>` for each emptyDir. */
  dir: string;
  /** The pod's annotations (the simulated runtime reads its `sim.wheelhouse.io/*` knobs here). */
  annotations: Record<string, string>;
}

/** What a runtime knows about one container instance (one run; a restart is a new instance). */
export type ContainerRunState =
  | { state: 'running'; startedAt: Date; pid?: number }
  | {
      state: 'exited';
      startedAt: Date;
      finishedAt: Date;
      exitCode: number;
      /** The terminating signal, e.g. 'SIGKILL', when the process died of one. */
      signal?: string;
      /** Kubernetes reason: 'Completed' (exit 0), 'Error', 'OOMKilled', 'ContainerCannotRun'. */
      reason: string;
      message?: string;
    };

export interface ContainerInstance {
  /** Unique per run, e.g. `<podUid>/<container>/<restartCount>`. */
  id: string;
  podUid: string;
  container: string;
  state(): ContainerRunState;
  /** Resolves once the instance has exited (never rejects). */
  readonly exited: Promise<Extract<ContainerRunState, { state: 'exited' }>>;
}

export interface ExecResult {
  exitCode: number;
  /** Combined stdout and stderr, truncated by the runtime. */
  output: string;
  timedOut: boolean;
}

export interface LogOptions {
  /** Last N lines only. */
  tailLines?: number;
  /** Only lines written in the last N seconds. */
  sinceSeconds?: number;
  /** The previous (terminated) instance instead of the current one (`kubectl logs -p`). */
  previous?: boolean;
  /** Prefix each line with its RFC 3339 time. */
  timestamps?: boolean;
}

export interface ResourceUsage {
  /** CPU in nanocores averaged over the last sampling window. */
  cpuNanoCores: number;
  /** Resident memory in bytes. */
  memoryBytes: number;
}

export interface ContainerRuntime {
  readonly name: 'process' | 'simulated';
  /** Creates (or, after an agent restart, re-opens) the pod's directory and claims its IP. */
  createSandbox(pod: {
    uid: string;
    namespace: string;
    name: string;
    podIP?: string;
    annotations?: Record<string, string>;
    /** The pod's volumes: the process runtime makes `volumes/<name>/` for each emptyDir. */
    volumes?: { name: string; emptyDir?: object | null }[];
  }): Promise<PodSandbox>;
  /**
   * Sets up (or brings up to date) the pod's volumes before its containers start, and again
   * when a ConfigMap or Secret they project changes. Rejects with the kubelet's message
   * (a hostPath type check, a mount that failed): the containers then wait.
   */
  setUpVolumes(sandbox: PodSandbox, volumes: VolumeSetup[], etc?: PodEtcFiles): Promise<void>;
  /** Optional, at agent shutdown once the pods' containers are stopped: undo host mounts (memory-backed volumes). */
  releaseMounts?(): void;
  /** Optional: bytes used in a pod's emptyDir (its sizeLimit eviction); a runtime without it never evicts. */
  volumeBytes?(sandbox: PodSandbox, volume: string): Promise<number>;
  /** Starts one run of a container. Rejects only when it cannot start at all (bad command). */
  start(sandbox: PodSandbox, config: ContainerConfig, restartCount: number): Promise<ContainerInstance>;
  /**
   * Optional, after an agent restart: the run the previous agent started at `startedAt`,
   * when the runtime still has it (re-adoption). Undefined: the sync loop starts it afresh.
   */
  adopt?(sandbox: PodSandbox, config: ContainerConfig, restartCount: number, startedAt: Date): Promise<ContainerInstance | undefined>;
  /**
   * SIGTERM, then SIGKILL once `gracePeriodMs` has passed (0: SIGKILL at once).
   * Resolves when the instance has exited.
   */
  stop(instance: ContainerInstance, gracePeriodMs: number): Promise<void>;
  /** Runs a command inside the container's environment (exec probes and hooks). */
  exec(instance: ContainerInstance, command: string[], timeoutMs: number): Promise<ExecResult>;
  /**
   * Optional: an interactive command in the running container `container` of the pod
   * (`wh exec`), its stdio as pipes; a TTY when `tty` gives the terminal's size. A runtime
   * without it refuses exec (the simulated one: there is nothing to run in).
   */
  execInteractive?(podUid: string, container: string, command: string[], tty?: { columns: number; rows: number }): Promise<ChildProcess>;
  /** The container's log lines (current instance unless `previous`), oldest first. */
  readLogs(podUid: string, container: string, options: LogOptions): Promise<string[]>;
  /** Lines as they are written, until `signal` aborts. Starts after the current end. */
  followLogs(podUid: string, container: string, signal: AbortSignal): AsyncIterable<string>;
  /** Usage of the whole pod, or undefined when nothing of it runs. */
  usage(podUid: string, annotations?: Record<string, string>): Promise<ResourceUsage | undefined>;
  /** Kills anything left and removes the pod's directory, logs and IP claim. */
  removeSandbox(podUid: string): Promise<void>;
}
