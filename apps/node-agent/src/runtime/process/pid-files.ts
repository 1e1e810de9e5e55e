// Pid files let a restarted agent find the processes its previous life started
// (`<pod dir>/pids/<instance>.pid`: pid and start time, so a reused pid is
// never mistaken for ours) and kill them: the sync loop then starts the pods
// afresh. Re-adopting running processes is not possible here because their
// stdout/stderr pipes died with the old agent.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStat } from './proc-stats.js';

export function writePidFile(podDir: string, instanceName: string, pid: number): void {
  const dir = join(podDir, 'pids');
  mkdirSync(dir, { recursive: true });
  const stat = readStat(pid);
  writeFileSync(join(dir, `${instanceName}.pid`), JSON.stringify({ pid, startTicks: stat?.startTicks ?? null }));
}

export function removePidFile(podDir: string, instanceName: string): void {
  rmSync(join(podDir, 'pids', `${instanceName}.pid`), { force: true });
}

/** Kills (SIGKILL, whole process group) every recorded process still alive under `podsDir`; returns how many. */
export function killLeftovers(podsDir: string): number {
  let killed = 0;
  let pods: string[];
  try {
    pods = readdirSync(podsDir);
  } catch {
    return 0;
  }
  for (const pod of pods) {
    const dir = join(podsDir, pod, 'pids');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      try {
        const { pid, startTicks } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { pid: number; startTicks: number | null };
        const alive = readStat(pid);
        if (alive && alive.startTicks === startTicks) {
          process.kill(-pid, 'SIGKILL');
          killed++;
        }
      } catch {
        // Already gone, or a torn file: nothing to kill.
      }
      rmSync(join(dir, file), { force: true });
    }
  }
  return killed;
}
