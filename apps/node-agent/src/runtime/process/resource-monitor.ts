// What the pods' processes use, from /proc: CPU over a sampling window and resident
// memory, summed over each pod's process trees; and memory limits enforced as the
// kernel's cgroup would (over the limit: SIGKILL, reported as OOMKilled).
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSample, nanoCoresBetween, podProcesses, readAllStats, readRssBytes, type CpuSample, type ProcStat } from './proc-stats.js';
import type { ResourceUsage } from '../runtime.js';

/** Shortest window worth measuring CPU over. */
const MIN_CPU_WINDOW_MS = 100;
/** How often memory limits are checked. */
const MEMORY_CHECK_MS = 500;

export interface Killable {
  readonly pid: number;
  killForMemory(): void;
}

export class ResourceMonitor {
  private readonly cpuSamples = new Map<string, { sample: CpuSample; nanoCores: number }>();
  private snapshot: { at: number; stats: ProcStat[] } | undefined;
  private readonly memoryLimits = new Map<Killable, number>();
  private memoryTimer: NodeJS.Timeout | undefined;

  /** Usage of the processes rooted at `roots` (one pod's containers), undefined when there are none. */
  async usage(podUid: string, roots: number[]): Promise<ResourceUsage | undefined> {
    if (roots.length === 0) return undefined;
    let snapshot = this.procSnapshot(MIN_CPU_WINDOW_MS);
    let last = this.cpuSamples.get(podUid);
    if (!last) {
      // No earlier sample: measure over a short window now.
      last = { sample: cpuSample(podProcesses(snapshot.stats, roots), snapshot.at), nanoCores: 0 };
      await sleep(MIN_CPU_WINDOW_MS);
      snapshot = this.procSnapshot(0);
    }
    const processes = podProcesses(snapshot.stats, roots);
    const now = cpuSample(processes, snapshot.at);
    if (now.at - last.sample.at >= MIN_CPU_WINDOW_MS) {
      last = { sample: now, nanoCores: nanoCoresBetween(last.sample, now) };
      this.cpuSamples.set(podUid, last);
    }
    const memoryBytes = processes.reduce((sum, p) => sum + readRssBytes(p.pid), 0);
    return { cpuNanoCores: last.nanoCores, memoryBytes };
  }

  forgetPod(podUid: string): void {
    this.cpuSamples.delete(podUid);
  }

  /** Kills `process` (with its descendants' memory counted) once it holds more than `limitBytes`. */
  limitMemory(process: Killable, limitBytes: number): void {
    this.memoryLimits.set(process, limitBytes);
    this.memoryTimer ??= setInterval(() => this.checkMemory(), MEMORY_CHECK_MS);
    this.memoryTimer.unref();
  }

  unlimit(process: Killable): void {
    this.memoryLimits.delete(process);
    if (this.memoryLimits.size === 0 && this.memoryTimer) {
      clearInterval(this.memoryTimer);
      this.memoryTimer = undefined;
    }
  }

  private checkMemory(): void {
    const { stats } = this.procSnapshot(MEMORY_CHECK_MS / 2);
    for (const [process, limit] of this.memoryLimits) {
      const rss = podProcesses(stats, [process.pid]).reduce((sum, p) => sum + readRssBytes(p.pid), 0);
      if (rss > limit) process.killForMemory();
    }
  }

  /** All of /proc, read at most once per `maxAgeMs` however many pods ask. */
  private procSnapshot(maxAgeMs: number): { at: number; stats: ProcStat[] } {
    if (!this.snapshot || Date.now() - this.snapshot.at > maxAgeMs) this.snapshot = { at: Date.now(), stats: readAllStats() };
    return this.snapshot;
  }
}
