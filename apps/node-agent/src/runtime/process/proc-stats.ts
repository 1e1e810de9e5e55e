// Per-process CPU and memory from Linux /proc, and the pure sums over a pod's
// processes (the container processes, their process groups and all descendants).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc times (USER_HZ; 100 on every mainstream Linux). */
export const CLOCK_TICKS = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** Start time after boot in clock ticks: with the pid, identifies one process. */
  startTicks: number;
}

/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so split after the last ')'. */
export function parseStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close === -1) return undefined;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // fields[0] is field 3 (state) of proc(5).
  const fields = text
    .slice(close + 2)
    .trim()
    .split(' ');
  if (fields.length < 20) return undefined;
  const field = (n: number) => Number(fields[n - 3]);
  return { pid, ppid: field(4), pgrp: field(5), cpuTicks: field(14) + field(15), startTicks: field(22) };
}

export function readStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

export function readAllStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** Resident set size from /proc/<pid>/status (VmRSS, in kB); 0 when gone or a kernel thread. */
export function readRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+([0-9]+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The processes of a pod: the container processes, members of their process groups, and every descendant. */
export function podProcesses(all: ProcStat[], roots: number[]): ProcStat[] {
  const rootSet = new Set(roots);
  const children = new Map<number, ProcStat[]>();
  for (const stat of all) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const found = new Map<number, ProcStat>();
  const queue = all.filter((s) => rootSet.has(s.pid) || rootSet.has(s.pgrp));
  while (queue.length > 0) {
    const stat = queue.pop() as ProcStat;
    if (found.has(stat.pid)) continue;
    found.set(stat.pid, stat);
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return [...found.values()];
}

export interface CpuSample {
  at: number;
  /** pid → [startTicks, cpuTicks] */
  ticks: Map<number, [number, number]>;
}

export function cpuSample(processes: ProcStat[], at: number): CpuSample {
  return { at, ticks: new Map(processes.map((p) => [p.pid, [p.startTicks, p.cpuTicks]])) };
}

/**
 * Average CPU between two samples in nanocores. A process first seen in the
 * later sample counts with its whole CPU time (it started inside the window);
 * CPU of processes that ended inside the window is not seen.
 */
export function nanoCoresBetween(before: CpuSample, after: CpuSample): number {
  const seconds = (after.at - before.at) / 1000;
  if (seconds <= 0) return 0;
  let ticks = 0;
  for (const [pid, [start, cpu]] of after.ticks) {
    const earlier = before.ticks.get(pid);
    ticks += earlier && earlier[0] === start ? Math.max(0, cpu - earlier[1]) : cpu;
  }
  return Math.round((ticks / CLOCK_TICKS / seconds) * 1e9);
}
