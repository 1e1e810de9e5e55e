// A run that was killed can leave PostgreSQL's postmaster.pid behind: either the server
// itself is still running (orphaned when the launcher got SIGKILL) or the file names a
// dead PID that has since been reused by an unrelated process, which makes PostgreSQL
// refuse to start ("lock file already exists"). This clears the way for a fresh start.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './log.js';

export type LockVerdict =
  /** No lock file: nothing to do. */
  | { kind: 'none' }
  /** The PID is gone or is not our server: delete the file. */
  | { kind: 'stale'; pid: number }
  /** Our server, left running by a launcher that is gone: shut it down. */
  | { kind: 'orphan'; pid: number }
  /** Our server, still owned by a live process (another launcher): refuse. */
  | { kind: 'in-use'; pid: number; parentPid: number };

/** What the verdict needs to know about processes; /proc in production, a fake in tests. */
export interface ProcessTable {
  /** argv of a running process, or undefined when there is none (zombies have an empty argv). */
  argv(pid: number): string[] | undefined;
  parentPid(pid: number): number | undefined;
}

export function judgeLock(pgDir: string, lockPid: number | undefined, procs: ProcessTable, selfPid: number): LockVerdict {
  if (lockPid === undefined) return { kind: 'none' };
  const argv = procs.argv(lockPid);
  const isOurServer = !!argv && basename(argv[0] ?? '') === 'postgres' && argv.some((a) => resolve(a) === resolve(pgDir));
  if (!isOurServer) return { kind: 'stale', pid: lockPid };
  const parentPid = procs.parentPid(lockPid);
  const parentArgv = parentPid === undefined ? undefined : procs.argv(parentPid);
  // A server whose parent is a live node process belongs to some launcher (or test) —
  // unless that parent is us, which happens when the launcher runs as PID 1 and inherits orphans.
  const ownedByNode = !!parentArgv && basename(parentArgv[0] ?? '').startsWith('node');
  if (ownedByNode && parentPid !== selfPid) return { kind: 'in-use', pid: lockPid, parentPid: parentPid! };
  return { kind: 'orphan', pid: lockPid };
}

/** Linux /proc, degrading to "no such process" elsewhere. */
export const procfs: ProcessTable = {
  argv(pid) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return argv.length > 0 ? argv : undefined;
    } catch {
      return undefined;
    }
  },
  parentPid(pid) {
    try {
      // Fields after the parenthesised command name: state, ppid, ...
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  },
};

export function readLockPid(pgDir: string): number | undefined {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export async function clearStaleLock(pgDir: string, log: Logger, procs: ProcessTable = procfs): Promise<void> {
  const lockFile = join(pgDir, 'postmaster.pid');
  const verdict = judgeLock(pgDir, readLockPid(pgDir), procs, process.pid);
  switch (verdict.kind) {
    case 'none':
      // An unreadable lock file is stale too; PostgreSQL would refuse it.
      if (existsSync(lockFile)) rmSync(lockFile);
      return;
    case 'stale':
      log.info(`removing stale ${lockFile} (PID ${verdict.pid} is not this database's server)`);
      rmSync(lockFile, { force: true });
      return;
    case 'in-use':
      throw new Error(
        `PostgreSQL (PID ${verdict.pid}) is already running on ${pgDir} for process ${verdict.parentPid}; ` +
          `is another launcher running? Stop it or set WHEELHOUSE_DATA_DIR to another directory`,
      );
    case 'orphan':
      log.warn(`PostgreSQL (PID ${verdict.pid}) from a previous run is still running; shutting it down`);
      process.kill(verdict.pid, 'SIGINT'); // "fast" shutdown: ends sessions, writes a checkpoint
      await waitUntilGone(lockFile, 30_000);
  }
}

// The server deletes postmaster.pid as the last step of a clean shutdown.
async function waitUntilGone(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL from a previous run did not shut down (${file} remains)`);
    await sleep(100);
  }
}
