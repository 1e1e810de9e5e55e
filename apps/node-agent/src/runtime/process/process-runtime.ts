// The `process` runtime: every container run is a real child process on this
// host. The `image` is only recorded; the command runs with the host's binaries.
//
// Layout under rootDir:
//   pods/<uid>/              the pod directory, default working directory of its containers
//   pods/<uid>/volumes/<v>/  one directory per emptyDir (a tmpfs for medium Memory), configMap,
//                            secret, downwardAPI and projected volume (see atomic-writer.ts)
//   pods/<uid>/etc/          the pod's hosts, resolv.conf and hostname
//   mnt/<uid>/<run>/         staging mount points of each container run (mount-plan.ts)
//   pods/<uid>/pids/         pid files (see pid-files.ts)
//   logs/<uid>/<container>/  log files (see log-store.ts)
//   network/<ip>             pod IP claims (see network/ip-claims.ts)
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join, resolve } from 'node:path';
import { PersistentIpAllocator } from '../../network/ip-claims.js';
import { ContainerProcess, signalGroup, spawnInGroup, startErrorMessage, type LaunchSpec } from './container-process.js';
import { execCommand } from './exec-command.js';
import { spawnInteractive, type TerminalSize } from './interactive-exec.js';
import { LogStore } from './log-store.js';
import { DEFAULT_LOG_ROTATION, LogWriter, type LogRotation } from './log-writer.js';
import { killLeftovers, removePidFile, writePidFile } from './pid-files.js';
import { ResourceMonitor } from './resource-monitor.js';
import { writeAtomically } from './atomic-writer.js';
import { checkHostPathType } from './host-path.js';
import { hostView, mountPoints, unmountUnder } from './host-view.js';
import { planMountsWith, type PlannedMount } from './mount-plan.js';
import { detectIsolation, findExecutable, unshareArgv, type NamespaceTools } from './mount-namespace.js';
import type { ContainerConfig, ContainerInstance, ContainerRuntime, ExecResult, LogOptions, PodEtcFiles, PodSandbox, ResourceUsage, VolumeSetup } from '../runtime.js';

export interface ProcessRuntimeOptions {
  rootDir: string;
  /** The node's pod range, inside 127.0.0.0/8 (e.g. 127.64.1.0/24). */
  podCidr: string;
  logRotation?: Partial<LogRotation>;
  /** PATH for containers that do not set one; default: an image's usual PATH plus this Node's directory. */
  defaultPath?: string;
}

export interface SandboxInput {
  uid: string;
  namespace: string;
  name: string;
  podIP?: string;
  annotations?: Record<string, string>;
  /** The pod's volumes; each emptyDir gets `volumes/<name>/` in the pod directory. */
  volumes?: { name: string; emptyDir?: object | null }[];
}

const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function safeName(instanceId: string): string {
  return instanceId.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** Bytes of the files under `dir` (du's apparent size; symlinks not followed). */
function directoryBytes(dir: string): number {
  let total = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** A subPath inside `volume`: created when missing (as the kubelet does), refused when it leads out of the volume. */
function subPathSource(volume: string, subPath: string): string {
  const path = join(volume, subPath);
  if (!existsSync(path)) mkdirSync(path, { recursive: true, mode: 0o750 });
  const real = realpathSync(path);
  const root = realpathSync(volume);
  if (real !== root && !real.startsWith(`${root}/`)) throw new Error(`subpath "${subPath}" not within volume path "${volume}"`);
  return real;
}

export class ProcessRuntime implements ContainerRuntime {
  readonly name = 'process' as const;
  readonly leftoversKilled: number;
  private readonly podsDir: string;
  private readonly ips: PersistentIpAllocator;
  private readonly logs: LogStore;
  private readonly defaultPath: string;
  /** Running instances per pod uid. */
  private readonly running = new Map<string, Set<ContainerProcess>>();
  private readonly monitor = new ResourceMonitor();
  private readonly stageDir: string;
  /** Where each pod's volumes are on the host, by pod uid and volume name (from setUpVolumes). */
  private readonly volumePaths = new Map<string, Map<string, string>>();
  /** The tools for per-container mount namespaces; undefined with `isolationProblem` set when this host cannot make them. */
  private readonly tools: NamespaceTools | undefined;
  readonly isolationProblem: string | undefined;

  constructor(options: ProcessRuntimeOptions) {
    this.podsDir = join(options.rootDir, 'pods');
    this.stageDir = join(options.rootDir, 'mnt');
    mkdirSync(this.podsDir, { recursive: true });
    const isolation = detectIsolation();
    this.tools = 'tools' in isolation ? isolation.tools : undefined;
    this.isolationProblem = 'problem' in isolation ? isolation.problem : undefined;
    // Processes of a previous agent cannot be re-adopted (their output pipes are gone): kill them.
    this.leftoversKilled = killLeftovers(this.podsDir);
    this.ips = new PersistentIpAllocator(join(options.rootDir, 'network'), options.podCidr);
    this.logs = new LogStore(join(options.rootDir, 'logs'), { ...DEFAULT_LOG_ROTATION, ...options.logRotation });
    this.defaultPath = options.defaultPath ?? [dirname(process.execPath), IMAGE_PATH].join(delimiter);
  }

  get podCidr(): string {
    return this.ips.cidr;
  }

  async createSandbox(pod: SandboxInput): Promise<PodSandbox> {
    const dir = join(this.podsDir, pod.uid);
    mkdirSync(join(dir, 'volumes'), { recursive: true });
    for (const volume of pod.volumes ?? []) if (volume.emptyDir) mkdirSync(join(dir, 'volumes', volume.name), { recursive: true });
    const podIP = this.ips.allocate(pod.uid, pod.podIP);
    const sandbox: PodSandbox = { uid: pod.uid, namespace: pod.namespace, name: pod.name, podIP, dir, annotations: pod.annotations ?? {} };
    writeFileSync(join(dir, 'sandbox.json'), JSON.stringify(sandbox, null, 2));
    return sandbox;
  }

  async setUpVolumes(sandbox: PodSandbox, volumes: VolumeSetup[], etc?: PodEtcFiles): Promise<void> {
    const paths = this.volumePaths.get(sandbox.uid) ?? new Map<string, string>();
    this.volumePaths.set(sandbox.uid, paths);
    for (const volume of volumes) {
      const dir = join(sandbox.dir, 'volumes', volume.name);
      if (volume.type === 'hostPath') {
        try {
          checkHostPathType(volume.path, volume.hostPathType);
        } catch (error) {
          throw new Error(`MountVolume.SetUp failed for volume "${volume.name}" : ${(error as Error).message}`);
        }
        paths.set(volume.name, volume.path);
        continue;
      }
      if (volume.type === 'emptyDir') {
        if (!existsSync(dir)) {
          mkdirSync(dir, { recursive: true });
          // The kubelet's emptyDir is world-writable, for containers running as other users.
          chmodSync(dir, 0o777);
        }
        if (volume.medium === 'Memory' && !mountPoints().includes(dir)) this.mountTmpfs(dir, volume.name, volume.sizeLimitBytes);
      } else {
        if (volume.inMemory && this.tools && !mountPoints().includes(dir)) {
          mkdirSync(dir, { recursive: true });
          this.mountTmpfs(dir, volume.name, undefined, 0o755);
        }
        writeAtomically(dir, volume.files);
      }
      paths.set(volume.name, dir);
    }
    if (etc) this.writeEtcFiles(sandbox, etc);
  }

  async volumeBytes(sandbox: PodSandbox, volume: string): Promise<number> {
    return directoryBytes(join(sandbox.dir, 'volumes', volume));
  }

  /** medium: Memory — a tmpfs on the host at the volume's directory, so every container of the pod shares it. */
  private mountTmpfs(dir: string, volume: string, sizeLimitBytes: number | undefined, mode = 0o777): void {
    if (!this.tools) throw new Error(`MountVolume.SetUp failed for volume "${volume}" : medium Memory needs a tmpfs mount: ${this.isolationProblem}`);
    const options = [`mode=0${mode.toString(8)}`, ...(sizeLimitBytes ? [`size=${sizeLimitBytes}`] : [])].join(',');
    const result = spawnSync(this.tools.mount, ['-t', 'tmpfs', '-o', options, 'wheelhouse-emptydir', dir], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`MountVolume.SetUp failed for volume "${volume}" : mount tmpfs: ${(result.stderr || result.error?.message || '').trim()}`);
  }

  /** The pod's own /etc files, written in place (a file bind-mounted into a container keeps its inode). */
  private writeEtcFiles(sandbox: PodSandbox, etc: PodEtcFiles): void {
    const dir = join(sandbox.dir, 'etc');
    mkdirSync(dir, { recursive: true });
    const files: [string, string][] = [
      ['hosts', etc.hosts],
      ['resolv.conf', etc.resolvConf],
      ['hostname', etc.hostname],
    ];
    for (const [name, content] of files) {
      const path = join(dir, name);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) writeFileSync(path, content, { mode: 0o644 });
    }
  }

  /** The container's mounts as host source → container target, subPaths resolved inside their volume. */
  private plannedMounts(sandbox: PodSandbox, config: ContainerConfig): PlannedMount[] {
    const paths = this.volumePaths.get(sandbox.uid);
    const planned: PlannedMount[] = (config.mounts ?? []).map((mount) => {
      const volume = paths?.get(mount.volume);
      if (!volume) throw new Error(`volume "${mount.volume}" of container "${config.name}" is not set up`);
      return { source: mount.subPath ? subPathSource(volume, mount.subPath) : volume, target: mount.mountPath, readOnly: mount.readOnly };
    });
    const etc = join(sandbox.dir, 'etc');
    if (existsSync(join(etc, 'hosts'))) {
      // The container's own mounts win over the pod's files (as the kubelet skips /etc/hosts when a volume takes it).
      for (const name of ['hosts', 'resolv.conf', 'hostname']) {
        const target = `/etc/${name}`;
        if (!planned.some((m) => m.target === target)) planned.push({ source: join(etc, name), target, readOnly: false });
      }
    }
    return planned;
  }

  async start(sandbox: PodSandbox, config: ContainerConfig, restartCount: number): Promise<ContainerInstance> {
    // An empty command means the image's entrypoint; a host process has none, so args run as the command
    // (as for an image without ENTRYPOINT).
    const command = config.command.length > 0 ? [...config.command, ...config.args] : [...config.args];
    if (command.length === 0) throw new Error(`container "${config.name}": no command specified (the process runtime cannot run an image's entrypoint)`);
    const cwd = config.workingDir ? resolve(sandbox.dir, config.workingDir) : sandbox.dir;
    mkdirSync(cwd, { recursive: true });
    const env = { PATH: this.defaultPath, HOME: sandbox.dir, HOSTNAME: sandbox.name, ...config.env };
    const id = `${sandbox.uid}/${config.name}/${restartCount}`;
    let argv = command;
    if (config.mounts?.length && !this.tools) {
      throw new Error(`container "${config.name}" has volumeMounts, which need a mount namespace: ${this.isolationProblem}`);
    }
    const mounts = this.tools ? this.plannedMounts(sandbox, config) : [];
    if (this.tools && mounts.length > 0) {
      // The command must exist before the namespace's shell runs (else it would "start" and exit 127).
      if (!findExecutable(command[0]!, env.PATH, cwd)) throw new Error(startErrorMessage(Object.assign(new Error('not found'), { code: 'ENOENT' }), command[0]!));
      const stageDir = join(this.stageDir, sandbox.uid, safeName(`${config.name}-${restartCount}`));
      mkdirSync(stageDir, { recursive: true });
      const plan = planMountsWith({ stageDir, podDir: sandbox.dir, mounts, tools: this.tools }, hostView);
      argv = unshareArgv(this.tools, plan.script, command);
    }
    const launch: LaunchSpec = { argv, env, cwd };
    const child = await spawnInGroup(launch, 'pipe', argv !== command);
    // exec probes, hooks and `wh exec` run the bare command, in this process's namespace.
    if (argv !== command && this.tools) launch.namespace = { nsenter: this.tools.nsenter, pid: child.pid as number };
    const writer = new LogWriter(this.logs.newRun(sandbox.uid, config.name), this.logs.rotation, (_time, _stream, text) => this.logs.publish(sandbox.uid, config.name, text));
    const instance = new ContainerProcess(id, sandbox.uid, config.name, launch, child, writer, (done) => {
      rmSync(join(this.stageDir, sandbox.uid, safeName(`${config.name}-${restartCount}`)), { recursive: true, force: true });
      this.running.get(done.podUid)?.delete(done);
      this.monitor.unlimit(done);
      removePidFile(sandbox.dir, safeName(done.id));
    });
    if (config.memoryLimitBytes) this.monitor.limitMemory(instance, config.memoryLimitBytes);
    writePidFile(sandbox.dir, safeName(id), instance.pid);
    const set = this.running.get(sandbox.uid) ?? new Set();
    set.add(instance);
    this.running.set(sandbox.uid, set);
    return instance;
  }

  async stop(instance: ContainerInstance, gracePeriodMs: number): Promise<void> {
    const process = this.asProcess(instance);
    if (process.state().state === 'exited') return;
    if (gracePeriodMs <= 0) {
      signalGroup(process.pid, 'SIGKILL');
      await process.exited;
      return;
    }
    signalGroup(process.pid, 'SIGTERM');
    const deadline = setTimeout(() => signalGroup(process.pid, 'SIGKILL'), gracePeriodMs);
    await process.exited;
    clearTimeout(deadline);
  }

  async exec(instance: ContainerInstance, command: string[], timeoutMs: number): Promise<ExecResult> {
    const process = this.asProcess(instance);
    if (process.state().state !== 'running') throw new Error(`container not running (${process.id})`);
    return execCommand(process.launch, command, timeoutMs);
  }

  async execInteractive(podUid: string, container: string, command: string[], tty?: TerminalSize): Promise<ChildProcess> {
    const instance = [...(this.running.get(podUid) ?? [])].find((p) => p.container === container && p.state().state === 'running');
    if (!instance) throw new Error(`container ${container} is not running`);
    return spawnInteractive(instance.launch, command, tty);
  }

  async readLogs(podUid: string, container: string, options: LogOptions): Promise<string[]> {
    return this.logs.read(podUid, container, options);
  }

  followLogs(podUid: string, container: string, signal: AbortSignal): AsyncIterable<string> {
    return this.logs.follow(podUid, container, signal);
  }

  async usage(podUid: string): Promise<ResourceUsage | undefined> {
    return this.monitor.usage(
      podUid,
      [...(this.running.get(podUid) ?? [])].map((p) => p.pid),
    );
  }

  async removeSandbox(podUid: string): Promise<void> {
    const leftovers = [...(this.running.get(podUid) ?? [])];
    for (const process of leftovers) signalGroup(process.pid, 'SIGKILL');
    await Promise.all(leftovers.map((p) => p.exited));
    this.running.delete(podUid);
    this.monitor.forgetPod(podUid);
    this.volumePaths.delete(podUid);
    // Memory-backed emptyDirs are host mounts: unmounted before the directory goes.
    unmountUnder(join(this.podsDir, podUid));
    rmSync(join(this.podsDir, podUid), { recursive: true, force: true });
    rmSync(join(this.stageDir, podUid), { recursive: true, force: true });
    this.logs.remove(podUid);
    this.ips.release(podUid);
  }

  /** Pod uids with a directory here (to remove those the API no longer knows after a restart). */
  sandboxUids(): string[] {
    return readdirSync(this.podsDir);
  }

  /** Unmounts the memory-backed volumes of every pod (agent shutdown): no tmpfs outlives the agent. */
  releaseMounts(): void {
    unmountUnder(this.podsDir);
  }

  /** Stops every running container (agent shutdown): SIGTERM, SIGKILL after the grace period. */
  async stopAll(gracePeriodMs: number): Promise<void> {
    const all = [...this.running.values()].flatMap((set) => [...set]);
    await Promise.all(all.map((p) => this.stop(p, gracePeriodMs)));
  }

  private asProcess(instance: ContainerInstance): ContainerProcess {
    if (!(instance instanceof ContainerProcess)) throw new Error(`not a process-runtime container: ${instance.id}`);
    return instance;
  }
}
