// The `process` runtime: every container run is a real child process on this
// host. The `image` is only recorded; the command runs with the host's binaries.
//
// Layout under rootDir:
//   pods/<uid>/              the pod directory, default working directory of its containers
//   pods/<uid>/volumes/<v>/  one directory per emptyDir volume
//   pods/<uid>/pids/         pid files (see pid-files.ts)
//   logs/<uid>/<container>/  log files (see log-store.ts)
//   network/<ip>             pod IP claims (see network/ip-claims.ts)
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { PersistentIpAllocator } from '../../network/ip-claims.js';
import { ContainerProcess, signalGroup, spawnInGroup } from './container-process.js';
import { execCommand } from './exec-command.js';
import { spawnInteractive, type TerminalSize } from './interactive-exec.js';
import { LogStore } from './log-store.js';
import { DEFAULT_LOG_ROTATION, LogWriter, type LogRotation } from './log-writer.js';
import { killLeftovers, removePidFile, writePidFile } from './pid-files.js';
import { ResourceMonitor } from './resource-monitor.js';
import type { ContainerConfig, ContainerInstance, ContainerRuntime, ExecResult, LogOptions, PodSandbox, ResourceUsage } from '../runtime.js';

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

  constructor(options: ProcessRuntimeOptions) {
    this.podsDir = join(options.rootDir, 'pods');
    mkdirSync(this.podsDir, { recursive: true });
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

  async start(sandbox: PodSandbox, config: ContainerConfig, restartCount: number): Promise<ContainerInstance> {
    // An empty command means the image's entrypoint; a host process has none, so args run as the command
    // (as for an image without ENTRYPOINT).
    const argv = config.command.length > 0 ? [...config.command, ...config.args] : [...config.args];
    if (argv.length === 0) throw new Error(`container "${config.name}": no command specified (the process runtime cannot run an image's entrypoint)`);
    const cwd = config.workingDir ? resolve(sandbox.dir, config.workingDir) : sandbox.dir;
    mkdirSync(cwd, { recursive: true });
    const env = { PATH: this.defaultPath, HOME: sandbox.dir, HOSTNAME: sandbox.name, ...config.env };
    const launch = { argv, env, cwd };
    const child = await spawnInGroup(launch, 'pipe');
    const id = `${sandbox.uid}/${config.name}/${restartCount}`;
    const writer = new LogWriter(this.logs.newRun(sandbox.uid, config.name), this.logs.rotation, (_time, _stream, text) => this.logs.publish(sandbox.uid, config.name, text));
    const instance = new ContainerProcess(id, sandbox.uid, config.name, launch, child, writer, (done) => {
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
    rmSync(join(this.podsDir, podUid), { recursive: true, force: true });
    this.logs.remove(podUid);
    this.ips.release(podUid);
  }

  /** Pod uids with a directory here (to remove those the API no longer knows after a restart). */
  sandboxUids(): string[] {
    return readdirSync(this.podsDir);
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
